import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { translateDynamoError } from '../../shared/store/translate-error';

const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('DynamoDB errors → domain errors', () => {
  it.each([
    ['ConditionalCheckFailedException', 'CONFLICT', 409],
    ['ProvisionedThroughputExceededException', 'THROTTLED', 503],
    ['ThrottlingException', 'THROTTLED', 503],
    ['RequestLimitExceeded', 'THROTTLED', 503],
    ['TransactionConflictException', 'CONCURRENT_MODIFICATION', 409],
    ['ResourceNotFoundException', 'SERVICE_UNAVAILABLE', 503],
    ['TimeoutError', 'SERVICE_UNAVAILABLE', 503],
  ])('%s → %s', (name, code, status) => {
    const out = translateDynamoError(sdkError(name));
    expect(out).toBeInstanceOf(AppError);
    expect((out as AppError).code).toBe(code);
    expect((out as AppError).status).toBe(status);
  });

  it('throttling is retryable with Retry-After', () => {
    const out = translateDynamoError(sdkError('ThrottlingException')) as AppError;
    expect(out.retryable).toBe(true);
    expect(out.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a cancelled transaction with a failed condition is a conflict', () => {
    const out = translateDynamoError(
      sdkError('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    ) as AppError;
    expect(out.code).toBe('CONFLICT');
  });

  it('a transaction cancelled by a concurrent transaction is a concurrent modification', () => {
    const out = translateDynamoError(
      sdkError('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }),
    ) as AppError;
    expect(out.code).toBe('CONCURRENT_MODIFICATION');
  });

  it('connection refused (DynamoDB down) is unavailable', () => {
    const out = translateDynamoError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ) as AppError;
    expect(out.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('unknown errors pass through untouched, so they become a logged 500', () => {
    const original = sdkError('ValidationException');
    expect(translateDynamoError(original)).toBe(original);
  });
});
