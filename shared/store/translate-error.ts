import { AppError } from '../errors';
import { translateAwsError } from '../platform/aws-errors';

/**
 * DynamoDB SDK exceptions → domain errors. Route handlers and use cases never see SDK exceptions.
 * Conditions and transactions are DynamoDB's own; throttling, 5xx, time-outs and network failures
 * are shared with every AWS adapter (translateAwsError). Unknown errors are rethrown untouched and
 * end up as a logged, generic 500.
 */
interface CancellationReason {
  Code?: string;
}

const busy = (error: Error) =>
  new AppError('THROTTLED', 'The database is busy', { cause: error, retryAfterSeconds: 2 });
const concurrent = (error: Error) =>
  new AppError('CONCURRENT_MODIFICATION', 'Another change was in progress', { cause: error, retryAfterSeconds: 1 });

export function translateDynamoError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  switch (error.name) {
    case 'ConditionalCheckFailedException':
      return new AppError('CONFLICT', 'The item changed or already exists', { cause: error });
    case 'TransactionConflictException':
      return concurrent(error);
    case 'ResourceNotFoundException':
      // On a request path the only resource is the table itself: it is missing, not the item.
      return new AppError('SERVICE_UNAVAILABLE', 'The table does not exist', { cause: error, retryAfterSeconds: 5 });
    case 'TransactionCanceledException': {
      const reasons = ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []).map(
        (r) => r.Code,
      );
      if (reasons.includes('ConditionalCheckFailed')) {
        return new AppError('CONFLICT', 'The item changed or already exists', {
          cause: error,
          params: { reasons: reasons.join(',') },
        });
      }
      if (reasons.includes('TransactionConflict')) return concurrent(error);
      if (reasons.some((r) => r === 'ThrottlingError' || r === 'ProvisionedThroughputExceeded')) return busy(error);
      return error;
    }
    default:
      return translateAwsError(error, 'The database');
  }
}

/**
 * Positions of the transaction items whose condition failed, read from a translated CONFLICT, so a
 * use case can name the field (e-mail taken vs NIP taken). Empty for any other error.
 */
export function failedConditions(error: unknown): number[] {
  if (!(error instanceof AppError) || error.code !== 'CONFLICT' || typeof error.params.reasons !== 'string') return [];
  return error.params.reasons.split(',').flatMap((code, i) => (code === 'ConditionalCheckFailed' ? [i] : []));
}
