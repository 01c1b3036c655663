import type { InferResponseType } from 'hono/client';
import { api, read } from '../api';

/**
 * The public laureate pages' reads (issue 14), apart from the organizer's and the institution's result
 * queries (results.ts, which re-exports these): `/laureaci` is a page a visitor opens first, and this
 * module keeps TanStack Query and the editions' queries off its first load (issue 17). Plain calls of the
 * typed client, read once per page view (fetching.ts).
 */
type PublicApi = typeof api.api.public.results;

export type PublishedEditions = InferResponseType<PublicApi['$get'], 200>;
export type PublishedEdition = PublishedEditions['items'][number];
export type PublishedResults = InferResponseType<PublicApi[':editionId']['$get'], 200>;
export type Snapshot = PublishedResults['snapshot'];

/** Where the public JSON of an edition's results (or one version of them) is served. */
export const publishedJsonUrl = (editionId: string, version?: number) =>
  `/api/public/results/${encodeURIComponent(editionId)}${version === undefined ? '' : `/versions/${version}`}`;

/** Every edition with published results. */
export const readPublishedEditions = (signal: AbortSignal) =>
  read(api.api.public.results.$get(undefined, { init: { signal } }));

/** An edition's results, the newest version or the one asked for. */
export const readPublishedResults = (editionId: string, version: number | undefined, signal: AbortSignal) =>
  version === undefined
    ? read(api.api.public.results[':editionId'].$get({ param: { editionId } }, { init: { signal } }))
    : read(
        api.api.public.results[':editionId'].versions[':version'].$get(
          { param: { editionId, version: String(version) } },
          { init: { signal } },
        ),
      );
