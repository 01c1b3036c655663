import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../shared/config';
import { systemClock } from '../shared/platform/clock';
import { jsonLogger } from '../shared/platform/logger';
import { KeyRing, staticSecret } from '../shared/platform/secrets';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';
import { countStreamAnswers, type StreamInsert } from '../shared/surveys/count-stream-answers';

const config = readConfig();
const logger = jsonLogger(config.logLevel);
// The counter reads and writes single items only: no cursor ever leaves it, so a per-instance key will do.
const keyRing = new KeyRing(staticSecret(randomBytes(48).toString('base64url')));
const store = new Store(
  config.tableName,
  new DynamoDBClient({ region: config.region }),
  new CursorCodec(() => keyRing.key('cursor')),
);

/**
 * The table's stream → survey counts (issue 18 §7, infra/constructs/survey-counter.ts). The event source
 * mapping lets through new answer items only and hands over one shard's records in order. Lambda's event
 * names no shard, so the position is kept per stream (its label); a survey's answers share one
 * partition key, so they reach the function in order across shard splits (parents first). A failure
 * throws: the batch is retried (bisected), and what the counts hold already is skipped — exact either way.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  const first = event.Records[0];
  if (!first) return;
  const shard = `stream/${first.eventSourceARN?.split('/stream/')[1] ?? 'unknown'}`;
  const inserts: StreamInsert[] = event.Records.flatMap((r) => {
    const image = r.dynamodb?.NewImage;
    const sequenceNumber = r.dynamodb?.SequenceNumber;
    return r.eventName === 'INSERT' && image && sequenceNumber
      ? [{ sequenceNumber, newImage: nativeImage(image) }]
      : [];
  });
  const counted = await countStreamAnswers({ store, clock: systemClock, logger }, { shard, inserts });
  logger.info('survey answers counted', { ...counted, records: event.Records.length });
}

/** A stream image (DynamoDB JSON, as Lambda's event types it) as plain values; binary and sets stay encoded. */
function nativeImage(image: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, native(value)]));
}

function native(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.M) return nativeImage(value.M);
  if (value.L) return value.L.map(native);
  return value.SS ?? value.NS?.map(Number) ?? value.B ?? value.BS;
}
