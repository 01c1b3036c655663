import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { ExportFormat } from '../../../shared/exports/export-job';
import { api, type Json, read } from '../api';
import { allPages, cursorParam, pageAt, type PagePosition } from './pages';

/**
 * Editions and what the organizer reads and changes on an edition's tabs. Keys: `['editions', …]`
 * for the lists, `['edition', editionId, …]` for one edition and its parts; every filter, cursor
 * and offset is in the key, so an answer can only ever fill the list it was asked for.
 */
type EditionApi = (typeof api.api.editions)[':editionId'];

export type EditionSummary = InferResponseType<typeof api.api.editions.$get, 200>['items'][number];
/** An edition as the saves answer it (the read adds derived figures the screens compute themselves). */
export type Edition = InferResponseType<EditionApi['$put'], 200>;
export type ApplicationRow = InferResponseType<EditionApi['applications']['$get'], 200>['items'][number];
export type Extension = InferResponseType<EditionApi['extensions']['$get'], 200>['items'][number];
export type ExportItem = InferResponseType<EditionApi['exports']['$get'], 200>['items'][number];
export type ApplicationFilters = NonNullable<InferRequestType<EditionApi['applications']['$get']>['query']>;
export type EditionSettingsInput = Json<typeof api.api.editions.$post>;

export const editionKeys = {
  lists: ['editions'] as const,
  edition: (editionId: string) => ['edition', editionId] as const,
  detail: (editionId: string) => ['edition', editionId, 'detail'] as const,
  applications: (editionId: string) => ['edition', editionId, 'applications'] as const,
  extensions: (editionId: string) => ['edition', editionId, 'extensions'] as const,
  exports: (editionId: string) => ['edition', editionId, 'exports'] as const,
};

/** The organizer's list of editions, one page. */
export const editionsQuery = (at: PagePosition) =>
  queryOptions({
    queryKey: [...editionKeys.lists, 'page', at],
    queryFn: async () => pageAt(at)(await read(api.api.editions.$get({ query: cursorParam(at) }))),
  });

/** The first hundred editions: enough to choose from (open editions to apply to, a previous edition). */
export const recentEditionsQuery = queryOptions({
  queryKey: [...editionKeys.lists, 'recent'],
  queryFn: async () => (await read(api.api.editions.$get({ query: { limit: '100' } }))).items,
});

export const editionQuery = (editionId: string) =>
  queryOptions({
    queryKey: editionKeys.detail(editionId),
    queryFn: (): Promise<Edition> => read(api.api.editions[':editionId'].$get({ param: { editionId } })),
  });

export const applicationCountsQuery = (editionId: string) =>
  queryOptions({
    queryKey: [...editionKeys.applications(editionId), 'counts'],
    queryFn: () => read(api.api.editions[':editionId']['application-counts'].$get({ param: { editionId } })),
  });

/** One page of the edition's applications under the filters (both in the key). */
export const editionApplicationsQuery = (editionId: string, filters: ApplicationFilters, at: PagePosition) =>
  queryOptions({
    queryKey: [...editionKeys.applications(editionId), 'page', filters, at],
    queryFn: async () =>
      pageAt(at)(
        await read(
          api.api.editions[':editionId'].applications.$get({
            param: { editionId },
            query: { ...filters, ...cursorParam(at) },
          }),
        ),
      ),
  });

/** Every institution that applied to the edition (all pages), by name, for choosing one in a form. */
export const applicantsQuery = (editionId: string) =>
  queryOptions({
    queryKey: [...editionKeys.applications(editionId), 'applicants'],
    queryFn: async () => {
      const apps = await allPages((cursor) =>
        read(
          api.api.editions[':editionId'].applications.$get({
            param: { editionId },
            query: { limit: '100', ...(cursor ? { cursor } : {}) },
          }),
        ),
      );
      const names = new Map(apps.map((a) => [a.institutionId, a.institution.name]));
      return [...names].sort((a, b) => a[1].localeCompare(b[1], 'pl')).map(([value, label]) => ({ value, label }));
    },
  });

export const extensionsQuery = (editionId: string) =>
  queryOptions({
    queryKey: editionKeys.extensions(editionId),
    queryFn: async () => (await read(api.api.editions[':editionId'].extensions.$get({ param: { editionId } }))).items,
  });

export const exportsQuery = (editionId: string) =>
  queryOptions({
    queryKey: editionKeys.exports(editionId),
    queryFn: async () => (await read(api.api.editions[':editionId'].exports.$get({ param: { editionId } }))).items,
  });

/** A save answered with the whole edition: it becomes the cached one, and the lists show its new name or state. */
function editionSaved(queryClient: QueryClient, saved: Edition) {
  queryClient.setQueryData(editionKeys.detail(saved.editionId), saved);
  return queryClient.invalidateQueries({ queryKey: editionKeys.lists });
}

export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: EditionSettingsInput) => read(api.api.editions.$post({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editionKeys.lists }),
  });
}

export function useCloneEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ editionId, year }: { editionId: string; year?: number }) =>
      read(api.api.editions[':editionId'].clone.$post({ param: { editionId }, json: year ? { year } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editionKeys.lists }),
  });
}

export function useSaveEditionSettings(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['$put']>) =>
      read(api.api.editions[':editionId'].$put({ param: { editionId }, json })),
    onSuccess: (saved) => editionSaved(queryClient, saved),
  });
}

export function useSaveRubric(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['rubric']['$put']>) =>
      read(api.api.editions[':editionId'].rubric.$put({ param: { editionId }, json })),
    onSuccess: (saved) => editionSaved(queryClient, saved),
  });
}

export function useSaveQuestionnaire(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['questionnaire']['$put']>) =>
      read(api.api.editions[':editionId'].questionnaire.$put({ param: { editionId }, json })),
    onSuccess: (saved) => editionSaved(queryClient, saved),
  });
}

export function useChangeEditionState(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['transitions']['$post']>) =>
      read(api.api.editions[':editionId'].transitions.$post({ param: { editionId }, json })),
    onSuccess: (saved) => editionSaved(queryClient, saved),
  });
}

export function useGrantExtension(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<EditionApi['extensions']['$post']>) =>
      read(api.api.editions[':editionId'].extensions.$post({ param: { editionId }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editionKeys.extensions(editionId) }),
  });
}

export function useRequestExport(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (format: ExportFormat) =>
      read(api.api.editions[':editionId'].exports.$post({ param: { editionId }, json: { format } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editionKeys.exports(editionId) }),
  });
}
