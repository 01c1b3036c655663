import { AppError } from '../errors';

/**
 * DynamoDB SDK exceptions → domain errors. Route handlers and use cases never see SDK exceptions.
 * Unknown errors are rethrown untouched and end up as a logged, generic 500.
 */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const UNAVAILABLE = new Set(['ServiceUnavailable', 'InternalServerError', 'ResourceNotFoundException']);
/** The endpoint cannot be reached at all (DynamoDB Local stopped, network down). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

interface CancellationReason { Code?: string }

export function translateDynamoError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const name = error.name;
  if (name === 'ConditionalCheckFailedException') {
    return new AppError('CONFLICT', 'The item changed or already exists', { cause: error });
  }
  if (name === 'TransactionCanceledException') {
    const reasons = ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []).map((r) => r.Code);
    if (reasons.includes('ConditionalCheckFailed')) {
      return new AppError('CONFLICT', 'The item changed or already exists', { cause: error, params: { reasons: reasons.join(',') } });
    }
    if (reasons.includes('TransactionConflict')) {
      return new AppError('CONCURRENT_MODIFICATION', 'Another change was in progress', { cause: error, retryAfterSeconds: 1 });
    }
    if (reasons.some((r) => r && THROTTLING.has(r))) {
      return new AppError('THROTTLED', 'The database is busy', { cause: error, retryAfterSeconds: 2 });
    }
    return error;
  }
  if (name === 'TransactionConflictException') {
    return new AppError('CONCURRENT_MODIFICATION', 'Another change was in progress', { cause: error, retryAfterSeconds: 1 });
  }
  if (THROTTLING.has(name)) {
    return new AppError('THROTTLED', 'The database is busy', { cause: error, retryAfterSeconds: 2 });
  }
  const code = (error as { code?: string }).code;
  if (UNAVAILABLE.has(name) || (code && NETWORK.has(code)) || name === 'TimeoutError') {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is not reachable', { cause: error, retryAfterSeconds: 5 });
  }
  return error;
}
