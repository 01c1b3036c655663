import { hc, type InferRequestType } from 'hono/client';
import type { AppType } from '../../shared/http/app';
import type * as z from 'zod/mini';
import { ErrorBody } from '../../shared/http/schemas';
import i18n from './i18n';

/**
 * The typed client: request and response types come from the server's routes, never redeclared.
 * Accept-Language follows the UI, so server messages match it even before the `lang` cookie exists.
 */
export const api = hc<AppType>('/', { headers: () => ({ 'accept-language': i18n.language }) });

/** The JSON body a route takes, from its typed client call (`Json<typeof api.api.me.$put>`). */
export type Json<T extends (...args: never[]) => unknown> = InferRequestType<T> extends { json: infer J } ? J : never;

export type Explanation = NonNullable<z.infer<typeof ErrorBody>['error']['explanation']>;

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
  const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (!parsed.success)
    return new ApiError(res.status, 'UNKNOWN', i18n.t('errors.unexpected', { status: res.status }), {}, retryAfter);
  const { code, message, fields, explanation } = parsed.data.error;
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
