import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, isAppError, type FieldErrors } from '../../errors';
import type { Logger } from '../../platform/logger';
import type { AppEnv } from '../deps';
import { errorMessage } from '../error-messages';
import { requestLanguage } from '../language';
import type { Language } from '../../language';

/** Maps Hono's own exceptions (malformed JSON, body limit…) onto the platform's error codes. */
function fromHttpException(e: HTTPException): AppError {
  if (e.status === 400 && /json/i.test(e.message))
    return new AppError('MALFORMED_JSON', e.message, { fields: { body: 'malformed JSON' } });
  if (e.status === 413) return new AppError('PAYLOAD_TOO_LARGE', e.message);
  if (e.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', e.message);
  if (e.status === 401) return new AppError('UNAUTHENTICATED', e.message);
  if (e.status === 403) return new AppError('FORBIDDEN', e.message);
  if (e.status === 404) return new AppError('NOT_FOUND', e.message);
  if (e.status >= 400 && e.status < 500) return new AppError('VALIDATION_FAILED', e.message);
  return new AppError('INTERNAL', e.message, { cause: e });
}

function localizeFields(fields: FieldErrors, lang: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : v[lang]]));
}

export function errorResponse(c: Context<AppEnv>, error: AppError): Response {
  const lang = c.get('lang') ?? requestLanguage(c);
  const requestId = c.get('requestId');
  const body = {
    error: {
      code: error.code,
      message: error.detail
        ? error.detail[lang]
        : errorMessage(error.code, lang, { requestId: requestId ?? '-', ...error.params }),
      ...(error.fields ? { fields: localizeFields(error.fields, lang) } : {}),
      ...(error.explanation ? { explanation: error.explanation(lang) } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error.status >= 500) headers['Cache-Control'] = 'no-store';
  return c.json(body, error.status, headers);
}

/** The single `app.onError`: known errors keep their code; anything else is logged and becomes a generic 500. */
export function errorHandler(logger: Logger, limits: { maxBodyBytes: number }): ErrorHandler<AppEnv> {
  return (err, c) => {
    let error: AppError;
    if (isAppError(err)) error = err;
    else if (err instanceof HTTPException) error = fromHttpException(err);
    else error = new AppError('INTERNAL', 'Unhandled error', { cause: err });
    if (error.code === 'PAYLOAD_TOO_LARGE') error.params.limit ??= `${Math.round(limits.maxBodyBytes / 1024)} KiB`;
    if (error.status >= 500) {
      const cause = error.code === 'INTERNAL' ? err : error.cause;
      logger.error('request failed', {
        requestId: c.get('requestId'),
        code: error.code,
        error:
          cause instanceof Error ? { name: cause.name, message: cause.message, stack: cause.stack } : String(cause),
      });
    }
    return errorResponse(c, error);
  };
}
