/**
 * The one error type of the platform. Use cases and the store throw it; `app.onError` maps the
 * code to an HTTP status through `statusOf` and answers `{ error: { code, message, fields? } }`.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_NOT_VERIFIED: 403,
  INVALID_TOKEN: 400,
  FORBIDDEN: 403,
  /** A state-changing request a browser sent from another site (or without proof of our origin). */
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  CONCURRENT_MODIFICATION: 409,
  STALE_VERSION: 409,
  /** The object's state does not allow this (an edition not yet open, an application already submitted). */
  INVALID_STATE: 409,
  /** The server's clock says the deadline has passed. */
  DEADLINE_PASSED: 409,
  /** Stored bytes no longer match their recorded SHA-256: never served. */
  INTEGRITY_FAILED: 409,
  /** No assignment meets the constraints; the body explains why and what would fix it. */
  ASSIGNMENT_INFEASIBLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  THROTTLED: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type ErrorStatus = (typeof errorStatus)[ErrorCode];

/**
 * Field path (dot-separated, e.g. `address.postcode`) → message a clerk can act on: already in the
 * request's language, or both languages for the error handler to choose from.
 */
export type FieldErrors = Record<string, string | { pl: string; en: string }>;

export interface AppErrorOptions {
  fields?: FieldErrors;
  /** Seconds a client should wait before retrying (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** Extra headers the response must carry (e.g. `Allow` on 405). */
  headers?: Record<string, string>;
  /** A specific message for this occurrence (why a state or deadline refuses), in both languages; replaces the code's generic one. */
  detail?: { pl: string; en: string };
  /** Message parameters, substituted into the localized message. */
  params?: Record<string, string | number>;
  /** A structured explanation for the client, built in the request's language (e.g. why no assignment exists). */
  explanation?: (lang: 'pl' | 'en') => unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Record<string, string>;
  readonly params: Record<string, string | number>;
  readonly detail: { pl: string; en: string } | undefined;
  readonly explanation: ((lang: 'pl' | 'en') => unknown) | undefined;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
    this.params = options.params ?? {};
    this.detail = options.detail;
    this.explanation = options.explanation;
  }

  get status(): ErrorStatus {
    return errorStatus[this.code];
  }

  get retryable(): boolean {
    return this.code === 'THROTTLED' || this.code === 'SERVICE_UNAVAILABLE' || this.code === 'RATE_LIMITED';
  }
}

/** Whether a thrown value is our error (with this code, when one is given) — instead of `(error as { code })`. */
export const isAppError = (error: unknown, code?: ErrorCode): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);
