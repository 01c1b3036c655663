import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const STREAM = 'arn:aws:dynamodb:eu-central-1:123456789012:table/t/stream/2026-03-01T00:00:00.000';
const doc = mockClient(DynamoDBDocumentClient);
let handler: (event: DynamoDBStreamEvent) => Promise<void>;

beforeAll(async () => {
  process.env.TABLE_NAME = 'test-table';
  process.env.LOG_LEVEL = 'error';
  ({ handler } = await import('../../functions/survey-counter'));
});
afterEach(() => {
  doc.reset();
  vi.restoreAllMocks();
});

/** A stream event as Lambda delivers it (DynamoDB JSON), one new answer per sequence number. */
const event = (seqs: number[]): DynamoDBStreamEvent => ({
  Records: seqs.map((seq) => ({
    eventName: 'INSERT',
    eventSourceARN: STREAM,
    dynamodb: {
      SequenceNumber: String(seq),
      NewImage: {
        pk: { S: 'SURVEY#s1' },
        sk: { S: `ANSWER#20260301${String(seq).padStart(20, '0')}` },
        entity: { S: 'surveyAnswer' },
        answerId: { S: `20260301${String(seq).padStart(20, '0')}` },
        ratings: { M: { waiting: { N: '5' } } },
        own: { M: {} },
        month: { S: '2026-03' },
        answeredOn: { S: '2026-03-01' },
      },
    },
  })),
});

describe('survey counter (the stream → counts Lambda)', () => {
  it('adds a batch to its survey’s counts in one UpdateItem that moves the stream’s position', async () => {
    doc.on(UpdateCommand).resolves({});
    await handler(event([7, 8, 9]));
    const calls = doc.commandCalls(UpdateCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input?.Key).toEqual({ pk: 'SURVEY#s1', sk: 'COUNTS' });
    expect(input?.ConditionExpression).toBe('#applied.#shard < :first');
    expect(input?.ExpressionAttributeNames?.['#shard']).toBe('stream/2026-03-01T00:00:00.000');
    expect(input?.ExpressionAttributeValues?.[':first']).toBe('7'.padStart(40, '0'));
    expect(input?.ExpressionAttributeValues?.[':last']).toBe('9'.padStart(40, '0'));
    const names = Object.values(input?.ExpressionAttributeNames ?? {});
    expect(names).toEqual(expect.arrayContaining(['all:-:n', 'all:-:waiting:5', 'month:2026-03:n']));
    expect(Object.values(input?.ExpressionAttributeValues ?? {})).toContain(3);
  });

  it('a batch whose answers the counts hold already (a retry) reads the position and writes nothing more', async () => {
    doc
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    doc.on(GetCommand).resolves({
      Item: {
        pk: 'SURVEY#s1',
        sk: 'COUNTS',
        applied: { 'stream/2026-03-01T00:00:00.000': '9'.padStart(40, '0') },
        appliedSince: { 'stream/2026-03-01T00:00:00.000': '2026-03-01' },
      },
    });
    await handler(event([7, 8, 9]));
    expect(doc.commandCalls(UpdateCommand)).toHaveLength(1);
    expect(doc.commandCalls(GetCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });
});
