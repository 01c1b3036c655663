import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read } from '../api';

/** An institution's residents' feedback (issue 18 §6): the inbox, status moves, answers, analytics. */
const feedbackApi = api.api.institutions[':institutionId'].feedback;
export type StaffFeedback = InferResponseType<(typeof feedbackApi)['$get'], 200>['items'][number];
export type FeedbackStatus = StaffFeedback['status'];
export type FeedbackAnswer = InferRequestType<(typeof feedbackApi)[':feedbackId']['answer']['$put']>['json'];
export type FeedbackStats = InferResponseType<(typeof feedbackApi)['stats']['$get'], 200>;

/** The attachment's download (the office's staff only; sent as an attachment under a generated name). */
export const feedbackAttachmentUrl = (institutionId: string, feedbackId: string) =>
  `/api/institutions/${encodeURIComponent(institutionId)}/feedback/${encodeURIComponent(feedbackId)}/attachment`;

export const feedbackKeys = {
  all: (institutionId: string) => ['feedback', institutionId] as const,
  list: (institutionId: string, status: FeedbackStatus | '', cursor: string) =>
    ['feedback', institutionId, 'list', status, cursor] as const,
  stats: (institutionId: string) => ['feedback', institutionId, 'stats'] as const,
};

export const feedbackPageQuery = (institutionId: string, status: FeedbackStatus | '', cursor: string) =>
  queryOptions({
    queryKey: feedbackKeys.list(institutionId, status, cursor),
    queryFn: () =>
      read(
        feedbackApi.$get({
          param: { institutionId },
          query: { limit: '25', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        }),
      ),
  });

export const feedbackStatsQuery = (institutionId: string) =>
  queryOptions({
    queryKey: feedbackKeys.stats(institutionId),
    queryFn: () => read(feedbackApi.stats.$get({ param: { institutionId } })),
  });

export function useMoveFeedback(institutionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ feedbackId, from, to }: { feedbackId: string; from: FeedbackStatus; to: FeedbackStatus }) =>
      read(feedbackApi[':feedbackId'].status.$put({ param: { institutionId, feedbackId }, json: { from, to } })),
    // A 409 (another tab moved it) also refreshes, so the clerk sees where it is now.
    onSettled: () => client.invalidateQueries({ queryKey: feedbackKeys.all(institutionId) }),
  });
}

export function useAnswerFeedback(institutionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ feedbackId, answer }: { feedbackId: string; answer: FeedbackAnswer }) =>
      read(feedbackApi[':feedbackId'].answer.$put({ param: { institutionId, feedbackId }, json: answer })),
    onSettled: () => client.invalidateQueries({ queryKey: feedbackKeys.all(institutionId) }),
  });
}
