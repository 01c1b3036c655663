import type { InferResponseType } from 'hono/client';
import { api, read } from '../api';

/**
 * The public ranking of the standard measurement (issue 18 §4): its own small module in the public
 * `survey` chunk, without TanStack Query (fetching.ts).
 */
export type PublishedMeasurement = InferResponseType<(typeof api.api.public.measurements)[':year']['$get'], 200>;

export const measurementPath = (year: number | string) => `/badanie-satysfakcji/${encodeURIComponent(String(year))}`;

export const readPublishedMeasurement = (year: string, signal: AbortSignal) =>
  read(api.api.public.measurements[':year'].$get({ param: { year } }, { init: { signal } }));
