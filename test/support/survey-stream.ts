import { inject } from 'vitest';
import { drainAnswerStream } from '../../infra/local/answer-stream-poller';
import type { CountStreamAnswersDeps } from '../../shared/surveys/count-stream-answers';
import { localDynamo } from './dynamo';

/**
 * Survey answers are counted from the table's stream (issue 18 §7): a test that reads counts after
 * answering drains the stream first, as the local server's poller would within a second.
 */
let dynamo: ReturnType<typeof localDynamo> | undefined;

export async function drainAnswers(deps: CountStreamAnswersDeps): Promise<void> {
  dynamo ??= localDynamo();
  await drainAnswerStream(deps, { dynamo, endpoint: inject('dynamoEndpoint'), tableName: inject('tableName') });
}
