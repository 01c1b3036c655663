import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Json, read } from '../api';
import { editionKeys } from './editions';

/**
 * Results (issue 14): the organizer's "Wyniki" tab (method, decisions, lock, publication,
 * corrections), an institution's own result and its history (the public laureate pages' reads are in
 * published.ts, without TanStack Query, and re-exported here). Keys:
 * `['edition', editionId, 'results']` for the organizer (every change there also refreshes the
 * edition, whose state publication moves), `['application', applicationId, 'result']` and `['institution-results', institutionId]` for the
 * institution.
 */
type ResultsApi = (typeof api.api.editions)[':editionId']['results'];

export type ResultsView = InferResponseType<ResultsApi['$get'], 200>;
export type ResultsCategory = ResultsView['categories'][number];
export type ResultsRow = ResultsCategory['rows'][number];
export type ResultsMethod = Json<ResultsApi['method']['$put']>;
export type DecisionInput = Json<ResultsApi['decisions'][':applicationId']['$put']>;
export type CorrectionInput = Json<ResultsApi['corrections']['$post']>;
export type Outcome = ResultsRow['outcome'];
export {
  type PublishedEdition,
  type PublishedEditions,
  type PublishedResults,
  publishedJsonUrl,
  type Snapshot,
} from './published';
export type OwnResult = InferResponseType<(typeof api.api.applications)[':applicationId']['result']['$get'], 200>;
export type ResultsHistory = InferResponseType<(typeof api.api.institutions)[':institutionId']['results']['$get'], 200>;

export const resultsKeys = {
  organizer: (editionId: string) => [...editionKeys.edition(editionId), 'results'] as const,
  own: (applicationId: string) => ['application', applicationId, 'result'] as const,
  history: (institutionId: string) => ['institution-results', institutionId] as const,
};

export const resultsQuery = (editionId: string) =>
  queryOptions({
    queryKey: resultsKeys.organizer(editionId),
    queryFn: () => read(api.api.editions[':editionId'].results.$get({ param: { editionId } })),
  });

/** After any change of the results: the tab reads them anew, and the edition (its state may have moved). */
function useResultsChanged(editionId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: editionKeys.edition(editionId) }),
      queryClient.invalidateQueries({ queryKey: editionKeys.lists }),
    ]);
}

export function useSetResultsMethod(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: (json: ResultsMethod) =>
      read(api.api.editions[':editionId'].results.method.$put({ param: { editionId }, json })),
    onSettled: changed,
  });
}

export function useDecideApplication(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: ({ applicationId, ...json }: DecisionInput & { applicationId: string }) =>
      read(
        api.api.editions[':editionId'].results.decisions[':applicationId'].$put({
          param: { editionId, applicationId },
          json,
        }),
      ),
    onSuccess: changed,
  });
}

export function useLockDecisions(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: (version: number) =>
      read(api.api.editions[':editionId'].results.lock.$post({ param: { editionId }, json: { version } })),
    onSettled: changed,
  });
}

export function useUnlockDecisions(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: (version: number) =>
      read(api.api.editions[':editionId'].results.unlock.$post({ param: { editionId }, json: { version } })),
    onSettled: changed,
  });
}

export function usePublishResults(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: (version: number) =>
      read(api.api.editions[':editionId'].results.publish.$post({ param: { editionId }, json: { version } })),
    onSettled: changed,
  });
}

export function useCorrectResults(editionId: string) {
  const changed = useResultsChanged(editionId);
  return useMutation({
    mutationFn: (json: CorrectionInput) =>
      read(api.api.editions[':editionId'].results.corrections.$post({ param: { editionId }, json })),
    onSuccess: changed,
  });
}

/** The institution's own result of an application (pending before publication). */
export const ownResultQuery = (applicationId: string) =>
  queryOptions({
    queryKey: resultsKeys.own(applicationId),
    queryFn: () => read(api.api.applications[':applicationId'].result.$get({ param: { applicationId } })),
  });

/** The institution's results in every published edition. */
export const resultsHistoryQuery = (institutionId: string) =>
  queryOptions({
    queryKey: resultsKeys.history(institutionId),
    queryFn: async () =>
      (await read(api.api.institutions[':institutionId'].results.$get({ param: { institutionId } }))).items,
  });
