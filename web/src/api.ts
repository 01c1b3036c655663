import { hc, type InferRequestType } from 'hono/client';
import type { AppType } from '../../shared/http/app';
import type * as z from 'zod/mini';
import type { ErrorBody } from '../../shared/http/schemas';
import i18n from './i18n';

/**
 * The typed client: request and response types come from the server's routes, never redeclared.
 * Accept-Language follows the UI, so server messages match it even before the `lang` cookie exists.
 */
export const api = hc<AppType>('/', { headers: () => ({ 'accept-language': i18n.language }) });

/** The JSON body a route takes, from its typed client call (`Json<typeof api.api.me.$put>`). */
export type Json<T extends (...args: never[]) => unknown> = InferRequestType<T> extends { json: infer J } ? J : never;

type ErrorDetails = z.infer<ReturnType<typeof ErrorBody>>['error'];
export type Explanation = NonNullable<ErrorDetails['explanation']>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `error` of an answer shaped like the API's ErrorBody (shared/http/schemas.ts), or null. Checked by
 * hand, not with the schema: this module is on every page's first load, and zod would add ~15 KB gzipped
 * to it (issue 17). The body comes from our own API, whose answers the api tests check against that
 * schema, so the outer shape is what is checked here; a malformed `fields` or `explanation` is dropped.
 */
export function errorDetailsOf(body: unknown): ErrorDetails | null {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return null;
  const fields =
    isRecord(error.fields) && Object.values(error.fields).every((v) => typeof v === 'string')
      ? (error.fields as Record<string, string>)
      : undefined;
  const explanation =
    isRecord(error.explanation) && Array.isArray(error.explanation.problems)
      ? (error.explanation as Explanation)
      : undefined;
  return { code: error.code, message: error.message, fields, explanation };
}

/** A failed API call, as the server described it: the message and field messages are already localized. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
    /** Why no assignment exists (422 ASSIGNMENT_INFEASIBLE), as the server explained it. */
    readonly explanation?: Explanation,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function toApiError(res: Response): Promise<ApiError> {
  const details = errorDetailsOf(await res.json().catch(() => null));
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (!details)
    return new ApiError(res.status, 'UNKNOWN', i18n.t('errors.unexpected', { status: res.status }), {}, retryAfter);
  const { code, message, fields, explanation } = details;
  return new ApiError(res.status, code, message, fields ?? {}, retryAfter, explanation);
}

/**
 * Awaits a typed-client call and returns the response only when it succeeded (typed as the route's
 * success answers); anything else becomes an ApiError, a network failure included.
 */
export async function send<R extends Response & { ok: boolean }>(call: Promise<R>): Promise<Extract<R, { ok: true }>> {
  let res: R;
  try {
    res = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (isOk(res)) return res;
  throw await toApiError(res);
}

const isOk = <R extends { ok: boolean }>(res: R): res is Extract<R, { ok: true }> => res.ok;

/** The parsed body of a successful call (typed by the route), or an ApiError — what every query function returns. */
export async function read<R extends Response & { ok: boolean }>(
  call: Promise<R>,
): Promise<Awaited<ReturnType<Extract<R, { ok: true }>['json']>>> {
  return (await send(call)).json();
}
