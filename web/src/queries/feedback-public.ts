import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read } from '../api';

/**
 * The resident's feedback pages (issue 18 §6): sending to an office and tracking by code, without an
 * account. Their own small module in the public `survey` chunk: no TanStack Query (fetching.ts).
 */
export type FeedbackToSend = InferRequestType<
  (typeof api.api.public.institutions)[':institutionId']['feedback']['$post']
>['json'];
export type TrackedFeedback = InferResponseType<(typeof api.api.public.feedback)[':trackingId']['$get'], 200>;

export const feedbackFormPath = (institutionId: string) => `/opinia/${encodeURIComponent(institutionId)}`;
export const TRACK_PATH = '/opinia/sprawdz';
export const trackPath = (code: string) => `${TRACK_PATH}?kod=${encodeURIComponent(code)}`;

export const sendFeedback = ({ institutionId, feedback }: { institutionId: string; feedback: FeedbackToSend }) =>
  read(api.api.public.institutions[':institutionId'].feedback.$post({ param: { institutionId }, json: feedback }));

/** What a resident typed, as the route takes it: spaces and hyphens dropped (the server reads I/L/O too). */
export const typedCode = (input: string) => input.replace(/[\s-]/g, '').toUpperCase();

export const readTrackedFeedback = (code: string) =>
  read(api.api.public.feedback[':trackingId'].$get({ param: { trackingId: typedCode(code) } }));
