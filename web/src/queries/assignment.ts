import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Json, read, send } from '../api';
import { editionKeys } from './editions';

/**
 * The chapter, its conflicts of interest and the assignment (the organizer's tabs), and what an
 * expert reads and does on their own pages. Keys hang under the edition (`['edition', id, 'chapter']`)
 * or under `['expert', …]`; every filter and offset is in the key.
 */
type EditionApi = (typeof api.api.editions)[':editionId'];
type ExpertApi = (typeof api.api.expert.editions)[':editionId'];

export type ChapterMemberRow = InferResponseType<EditionApi['chapter']['$get'], 200>['items'][number];
export type AssignmentSettingsView = InferResponseType<EditionApi['assignment-settings']['$get'], 200>;
export type AssignmentSettingsInput = Json<EditionApi['assignment-settings']['$put']>;
export type MemberInput = Json<EditionApi['chapter'][':userId']['$put']>;
export type ConflictPage = InferResponseType<EditionApi['conflicts']['$get'], 200>;
export type Proposal = InferResponseType<EditionApi['assignment']['preview']['$post'], 200>;
export type CurrentAssignment = InferResponseType<EditionApi['assignment']['$get'], 200>;
export type CommitResult = InferResponseType<EditionApi['assignment']['commit']['$post'], 200>;
export type ExpertEdition = InferResponseType<typeof api.api.expert.editions.$get, 200>['items'][number];
export type MyAssignments = InferResponseType<ExpertApi['assignments']['$get'], 200>;
export type BiddingPage = InferResponseType<ExpertApi['bidding']['$get'], 200>;

export const PAGE_SIZE = 25;

export const assignmentKeys = {
  chapter: (editionId: string) => [...editionKeys.edition(editionId), 'chapter'] as const,
  settings: (editionId: string) => [...editionKeys.edition(editionId), 'assignment-settings'] as const,
  conflicts: (editionId: string) => [...editionKeys.edition(editionId), 'conflicts'] as const,
  current: (editionId: string) => [...editionKeys.edition(editionId), 'assignment'] as const,
  expert: ['expert'] as const,
  expertEdition: (editionId: string) => ['expert', editionId] as const,
};

const offsetQuery = (offset: number) => ({ offset: String(offset), limit: String(PAGE_SIZE) });

export const chapterQuery = (editionId: string) =>
  queryOptions({
    queryKey: assignmentKeys.chapter(editionId),
    queryFn: async () => (await read(api.api.editions[':editionId'].chapter.$get({ param: { editionId } }))).items,
  });

export const assignmentSettingsQuery = (editionId: string) =>
  queryOptions({
    queryKey: assignmentKeys.settings(editionId),
    queryFn: () => read(api.api.editions[':editionId']['assignment-settings'].$get({ param: { editionId } })),
  });

export const conflictsQuery = (editionId: string, userId: string, offset: number) =>
  queryOptions({
    queryKey: [...assignmentKeys.conflicts(editionId), { userId, offset }],
    queryFn: () =>
      read(
        api.api.editions[':editionId'].conflicts.$get({
          param: { editionId },
          query: { ...(userId ? { userId } : {}), ...offsetQuery(offset) },
        }),
      ),
  });

export const currentAssignmentQuery = (editionId: string) =>
  queryOptions({
    queryKey: assignmentKeys.current(editionId),
    queryFn: () => read(api.api.editions[':editionId'].assignment.$get({ param: { editionId } })),
  });

export const expertEditionsQuery = queryOptions({
  queryKey: [...assignmentKeys.expert, 'editions'],
  queryFn: async () => (await read(api.api.expert.editions.$get())).items,
});

export const myAssignmentsQuery = (editionId: string) =>
  queryOptions({
    queryKey: [...assignmentKeys.expertEdition(editionId), 'assignments'],
    queryFn: () => read(api.api.expert.editions[':editionId'].assignments.$get({ param: { editionId } })),
  });

export const biddingQuery = (editionId: string, offset: number) =>
  queryOptions({
    queryKey: [...assignmentKeys.expertEdition(editionId), 'bidding', { offset }],
    queryFn: () =>
      read(api.api.expert.editions[':editionId'].bidding.$get({ param: { editionId }, query: offsetQuery(offset) })),
  });

/**
 * The chapter or the conflicts changed: members' loads and flags, the conflicts and the committed
 * assignment (its flagged pairs) are read again where they are shown.
 */
function chapterChanged(queryClient: QueryClient, editionId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: assignmentKeys.chapter(editionId) }),
    queryClient.invalidateQueries({ queryKey: assignmentKeys.conflicts(editionId) }),
    queryClient.invalidateQueries({ queryKey: assignmentKeys.current(editionId) }),
  ]);
}

export function usePutChapterMember(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...json }: MemberInput & { userId: string }) =>
      read(api.api.editions[':editionId'].chapter[':userId'].$put({ param: { editionId, userId }, json })),
    onSuccess: () => chapterChanged(queryClient, editionId),
  });
}

export function useRemoveChapterMember(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      send(api.api.editions[':editionId'].chapter[':userId'].$delete({ param: { editionId, userId } })),
    onSuccess: () => chapterChanged(queryClient, editionId),
  });
}

export function useSaveAssignmentSettings(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: AssignmentSettingsInput) =>
      read(api.api.editions[':editionId']['assignment-settings'].$put({ param: { editionId }, json })),
    onSuccess: (saved) => {
      queryClient.setQueryData(assignmentKeys.settings(editionId), saved);
      // The rules decide which pairs are in conflict.
      return queryClient.invalidateQueries({ queryKey: assignmentKeys.conflicts(editionId) });
    },
  });
}

export function useSetConflict(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['conflicts']['$post']>) =>
      read(api.api.editions[':editionId'].conflicts.$post({ param: { editionId }, json })),
    onSuccess: () => chapterChanged(queryClient, editionId),
  });
}

export function useLiftConflict(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, institutionId }: { userId: string; institutionId: string }) =>
      send(
        api.api.editions[':editionId'].conflicts[':userId'][':institutionId'].$delete({
          param: { editionId, userId, institutionId },
        }),
      ),
    onSuccess: () => chapterChanged(queryClient, editionId),
  });
}

/** A computed proposal; nothing is written, so nothing else changes. */
export const usePreviewAssignment = (editionId: string) =>
  useMutation({
    mutationFn: (mode: 'incremental' | 'full') =>
      read(api.api.editions[':editionId'].assignment.preview.$post({ param: { editionId }, json: { mode } })),
  });

/** The committed assignment changed: it, the members' loads and every expert's own pages. */
function assignmentChanged(queryClient: QueryClient, editionId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: assignmentKeys.current(editionId) }),
    queryClient.invalidateQueries({ queryKey: assignmentKeys.chapter(editionId) }),
    queryClient.invalidateQueries({ queryKey: assignmentKeys.expert }),
  ]);
}

export function useCommitAssignment(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['assignment']['commit']['$post']>) =>
      read(api.api.editions[':editionId'].assignment.commit.$post({ param: { editionId }, json })),
    onSuccess: () => assignmentChanged(queryClient, editionId),
  });
}

/** The organizer's manual edits of one pair: add, swap, remove, lock or unlock. */
export type PairEdit =
  | { kind: 'add'; applicationId: string; userId: string }
  | { kind: 'swap'; applicationId: string; fromUserId: string; toUserId: string }
  | { kind: 'remove'; applicationId: string; userId: string }
  | { kind: 'lock'; applicationId: string; userId: string; locked: boolean };

export function usePairEdit(editionId: string) {
  const queryClient = useQueryClient();
  const pairs = api.api.editions[':editionId'].assignment.pairs;
  return useMutation({
    mutationFn: async (edit: PairEdit) => {
      const param = { editionId };
      switch (edit.kind) {
        case 'add':
          return send(pairs.$post({ param, json: { applicationId: edit.applicationId, userId: edit.userId } }));
        case 'swap': {
          const { kind: _kind, ...json } = edit;
          return send(api.api.editions[':editionId'].assignment.swap.$post({ param, json }));
        }
        case 'remove':
          return send(
            pairs[':applicationId'][':userId'].$delete({
              param: { ...param, applicationId: edit.applicationId, userId: edit.userId },
            }),
          );
        case 'lock':
          return send(
            pairs[':applicationId'][':userId'].lock.$put({
              param: { ...param, applicationId: edit.applicationId, userId: edit.userId },
              json: { locked: edit.locked },
            }),
          );
      }
    },
    onSuccess: () => assignmentChanged(queryClient, editionId),
  });
}

export function usePlaceBid(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, value }: { applicationId: string; value: number }) =>
      send(
        api.api.expert.editions[':editionId'].bids[':applicationId'].$put({
          param: { editionId, applicationId },
          json: { value },
        }),
      ),
    // The radio group shows the bid already; the list is read again only when next opened.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assignmentKeys.expertEdition(editionId), refetchType: 'none' }),
  });
}

export function useDeclareConflict(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<ExpertApi['conflicts']['$post']>) =>
      read(api.api.expert.editions[':editionId'].conflicts.$post({ param: { editionId }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.expertEdition(editionId) }),
  });
}
