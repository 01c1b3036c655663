import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Json, read, send } from '../api';
import i18n from '../i18n';
import { editionKeys } from './editions';
import { putBytes, sha256Hex } from './uploads';

/**
 * Scoring (issue 13): the expert's to-do list and review page (sheet autosave and submit), and the
 * organizer's "Ocena" tab (progress, disagreements, reopen, reconsider). Keys: `['expert', editionId,
 * 'reviews', …]` for the expert, `['edition', editionId, 'scoring']` for the organizer.
 */
type ReviewsApi = (typeof api.api.expert.editions)[':editionId']['reviews'];
type ReviewApi = ReviewsApi[':applicationId'];
type ScoringApi = (typeof api.api.editions)[':editionId']['scoring'];

export type MyReviews = InferResponseType<ReviewsApi['$get'], 200>;
export type MyReviewItem = MyReviews['items'][number];
export type ReviewView = InferResponseType<ReviewApi['$get'], 200>;
export type ScoreSheet = ReviewView['sheet'];
export type EvidenceView = ReviewView['evidence'][number];
export type EvidenceChannel = Json<ReviewApi['evidence']['$post']>['channel'];
export type SheetSave = Json<ReviewApi['$put']>;
export type ScoringProgress = InferResponseType<ScoringApi['$get'], 200>;
export type ProgressApplication = ScoringProgress['applications'][number];

export const reviewKeys = {
  mine: (editionId: string) => ['expert', editionId, 'reviews'] as const,
  review: (editionId: string, applicationId: string) => ['expert', editionId, 'reviews', applicationId] as const,
  scoring: (editionId: string) => [...editionKeys.edition(editionId), 'scoring'] as const,
};

export const myReviewsQuery = (editionId: string) =>
  queryOptions({
    queryKey: reviewKeys.mine(editionId),
    queryFn: () => read(api.api.expert.editions[':editionId'].reviews.$get({ param: { editionId } })),
  });

export const reviewQuery = (editionId: string, applicationId: string) =>
  queryOptions({
    queryKey: reviewKeys.review(editionId, applicationId),
    queryFn: () =>
      read(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].$get({ param: { editionId, applicationId } }),
      ),
  });

/** Where an attachment of an assigned application downloads from (the expert's own route, not the institution's). */
export const reviewAttachmentUrl = (editionId: string, applicationId: string, attachmentId: string) =>
  `/api/expert/editions/${encodeURIComponent(editionId)}/reviews/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Where one of the expert's own evidence files downloads from. */
export const evidenceUrl = (editionId: string, applicationId: string, fileId: string) =>
  `/api/expert/editions/${encodeURIComponent(editionId)}/reviews/${encodeURIComponent(applicationId)}/evidence/${encodeURIComponent(fileId)}`;

/**
 * An evidence file of a mystery-shopper contact, in the three steps of every upload: a ticket naming
 * the file's SHA-256, the bytes PUT to its single-use link, and completion, where the server checks
 * the content. The sheet must have been saved once (the caller flushes the autosave first).
 */
export function useUploadEvidence(editionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ channel, file }: { channel: EvidenceChannel; file: File }) => {
      const param = { editionId, applicationId };
      const sha256 = await sha256Hex(file);
      const ticket = await read(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].evidence.$post({
          param,
          json: { channel, fileName: file.name, size: file.size, sha256 },
        }),
      );
      await putBytes(ticket.upload, file, () => i18n.t('scoring.evidence.uploadFailed', { name: file.name }));
      return read(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].evidence[':fileId'].complete.$post({
          param: { ...param, fileId: ticket.evidence.fileId },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.review(editionId, applicationId) }),
  });
}

export function useRemoveEvidence(editionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      send(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].evidence[':fileId'].$delete({
          param: { editionId, applicationId, fileId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.review(editionId, applicationId) }),
  });
}

/** Autosave of the draft: the review page keeps its own copy, so only the to-do list is marked stale. */
export function useSaveSheet(editionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SheetSave) =>
      read(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].$put({
          param: { editionId, applicationId },
          json,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.mine(editionId), refetchType: 'none' }),
  });
}

export function useSubmitSheet(editionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      read(
        api.api.expert.editions[':editionId'].reviews[':applicationId'].submit.$post({
          param: { editionId, applicationId },
          json: { version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.mine(editionId) }),
  });
}

export const scoringProgressQuery = (editionId: string) =>
  queryOptions({
    queryKey: reviewKeys.scoring(editionId),
    queryFn: () => read(api.api.editions[':editionId'].scoring.$get({ param: { editionId } })),
  });

export function useReopenSheet(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, expertId, reason }: { applicationId: string; expertId: string; reason: string }) =>
      read(
        api.api.editions[':editionId'].scoring.applications[':applicationId'].sheets[':expertId'].reopen.$post({
          param: { editionId, applicationId, expertId },
          json: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.scoring(editionId) }),
  });
}

export function useAskToReconsider(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, message }: { applicationId: string; message: string }) =>
      read(
        api.api.editions[':editionId'].scoring.applications[':applicationId'].reconsider.$post({
          param: { editionId, applicationId },
          json: { message },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.scoring(editionId) }),
  });
}
