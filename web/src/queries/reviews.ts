import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Json, read } from '../api';
import { editionKeys } from './editions';

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
