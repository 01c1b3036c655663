import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type CountStreamAnswersDeps,
  countStreamAnswers,
  type StreamInsert,
} from '../../shared/surveys/count-stream-answers';

/** DynamoDB Local's GetRecords returns at most 1,000 records; Lambda's batch is 500 (infra/constructs/survey-counter.ts). */
const BATCH = 1000;

export interface AnswerStreamPollerOptions {
  dynamo: DynamoDBClient;
  /** A streams client for the same endpoint; made from `endpoint` when not given. */
  streams?: DynamoDBStreamsClient;
  endpoint: string;
  tableName: string;
  deps: CountStreamAnswersDeps;
}

/**
 * The cloud's event source mapping, locally (issue 18 §7): reads every shard of the table's stream in
 * DynamoDB Local from where it stopped and hands each page of new items to the same use case the
 * Lambda runs. A failed page is read again from the same position on the next round (exact: the use case
 * skips what the counts hold already). `npm start` polls every second; tests call {@link drain}.
 */
export class AnswerStreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  /** Per shard, the last sequence number handed over successfully; `closed` once read to its end. */
  private readonly read = new Map<string, { after?: string; closed?: boolean }>();
  private streamArn?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly options: AnswerStreamPollerOptions) {
    this.streams =
      options.streams ??
      new DynamoDBStreamsClient({
        endpoint: options.endpoint,
        region: options.dynamo.config.region,
        credentials: options.dynamo.config.credentials,
      });
  }

  /** Reads every shard until it has nothing newer: the counts then hold every answer stored before the call. */
  async drain(): Promise<void> {
    // One round at a time: a round and its successor never hand over the same page in parallel.
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.round();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Polls every `intervalMs` until {@link stop}; a failed round is logged and the next one retries. */
  start(intervalMs = 1000): void {
    const tick = async () => {
      try {
        await this.drain();
      } catch (error) {
        this.options.deps.logger.error('survey answer stream: a round failed, retrying', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      if (this.timer) this.timer = setTimeout(tick, intervalMs).unref();
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    this.streams.destroy();
  }

  private async round(): Promise<void> {
    const streamArn = await this.stream();
    const shards = await this.shards(streamArn);
    // Parents before children, as Lambda does: a survey's answers stay in order across a shard's split.
    for (const shard of shards) await this.readShard(streamArn, shard);
  }

  /** Asked every round: a DynamoDB Local started again in memory (dynamodb-supervisor.ts) has a new stream. */
  private async stream(): Promise<string> {
    const table = await this.options.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    const arn = table.Table?.LatestStreamArn;
    if (!arn) throw new Error(`The table "${this.options.tableName}" has no stream (shared/store/table.ts)`);
    if (arn !== this.streamArn) this.read.clear();
    this.streamArn = arn;
    return arn;
  }

  private async shards(streamArn: string): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      all.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    const ids = new Set(all.map((s) => s.ShardId));
    const depth = (s: Shard): number => {
      const parent =
        s.ParentShardId && ids.has(s.ParentShardId) ? all.find((p) => p.ShardId === s.ParentShardId) : undefined;
      return parent ? 1 + depth(parent) : 0;
    };
    return all.sort((a, b) => depth(a) - depth(b));
  }

  private async readShard(streamArn: string, shard: Shard): Promise<void> {
    const shardId = shard.ShardId;
    if (!shardId) return;
    const state = this.read.get(shardId) ?? {};
    if (state.closed) return;
    const start = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(state.after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    let iterator = start.ShardIterator;
    while (iterator) {
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: BATCH }));
      const records = page.Records ?? [];
      if (records.length > 0) {
        await countStreamAnswers(this.options.deps, { shard: shardId, inserts: inserts(records) });
        state.after = records.at(-1)?.dynamodb?.SequenceNumber ?? state.after;
        this.read.set(shardId, state);
      }
      iterator = page.NextShardIterator;
      if (!iterator) {
        state.closed = true;
        this.read.set(shardId, state);
      }
      if (records.length === 0) break; // caught up with an open shard
    }
  }
}

/** New items of the page (INSERTs with their image), as the Lambda's filter lets through. */
function inserts(records: StreamRecord[]): StreamInsert[] {
  return records.flatMap((r) => {
    const image = r.dynamodb?.NewImage;
    const sequenceNumber = r.dynamodb?.SequenceNumber;
    return r.eventName === 'INSERT' && image && sequenceNumber
      ? [{ sequenceNumber, newImage: unmarshall(mendEmptyMaps(image)) }]
      : [];
  });
}

/**
 * DynamoDB Local writes an empty map into its stream records as `{}` instead of `{ "M": {} }` (an answer
 * without own questions has `own: {}`), which no reader can decode; DynamoDB itself writes the `M`.
 */
function mendEmptyMaps(image: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const mend = (value: AttributeValue): AttributeValue => {
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: mendEmptyMaps(value.M) };
    if (value.L) return { L: value.L.map(mend) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, mend(value)]));
}

const pollers = new WeakMap<CountStreamAnswersDeps, AnswerStreamPoller>();

/**
 * Tests and benchmarks: counts every answer stored so far (reads the stream until caught up). One poller
 * per deps, so the next call starts where the last stopped.
 */
export async function drainAnswerStream(
  deps: CountStreamAnswersDeps,
  options: { dynamo: DynamoDBClient; endpoint: string; tableName: string },
): Promise<void> {
  let poller = pollers.get(deps);
  if (!poller) {
    poller = new AnswerStreamPoller({ deps, ...options });
    pollers.set(deps, poller);
  }
  await poller.drain();
}
