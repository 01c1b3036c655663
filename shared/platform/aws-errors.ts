import { AppError } from '../errors';

/**
 * AWS SDK failures that are about the service, not about our request, become retryable 503s:
 * throttling, 5xx answers, time-outs and network errors. Everything else is returned untouched
 * (and becomes a logged 500 if nobody handles it). Used by every AWS adapter and the store.
 */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'SlowDown',
  'KmsThrottled',
  'SendingPausedException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN']);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function translateAwsError(error: unknown, what: string): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const e = error as Error & SdkErrorShape;
  if (THROTTLING.has(e.name)) {
    return new AppError('THROTTLED', `${what} is busy`, { cause: error, retryAfterSeconds: 2 });
  }
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (status >= 500 || e.name === 'TimeoutError' || (e.code !== undefined && NETWORK.has(e.code)) || e.$retryable) {
    return new AppError('SERVICE_UNAVAILABLE', `${what} is unavailable`, { cause: error, retryAfterSeconds: 5 });
  }
  return error;
}

export async function callAws<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw translateAwsError(error, what);
  }
}
