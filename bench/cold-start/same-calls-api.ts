/**
 * A reference point, not a budget: the bare function of bare-api.ts, but making exactly the DynamoDB
 * calls the api made for the same request (recorded by the bench's stub from an unmeasured api run and
 * given in the file named by BENCH_SAME_CALLS_FILE), one after another with the plain client — no
 * schemas, no middleware, no document client. It shows how much of a request's cold start is the
 * calls it has to make (each new kind of call pays the SDK's first-use cost once) and how much is
 * the api's own code. Built with the same settings as the real `api` function.
 */
import { readFileSync } from 'node:fs';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { verifyPassword } from '../../shared/accounts/password-hash';

/** What the bench recorded: the api's answer status and its DynamoDB calls in the order it sent them. */
export interface RecordedCalls {
  status: number;
  calls: { operation: string; input: Record<string, unknown> }[];
}

// biome-ignore lint/suspicious/noExplicitAny: the recorded wire inputs of several command types, replayed as they were sent
type AnyCommand = new (input: any) => any;
const commands: Record<string, AnyCommand> = {
  BatchGetItem: BatchGetItemCommand,
  BatchWriteItem: BatchWriteItemCommand,
  DeleteItem: DeleteItemCommand,
  GetItem: GetItemCommand,
  PutItem: PutItemCommand,
  Query: QueryCommand,
  TransactGetItems: TransactGetItemsCommand,
  TransactWriteItems: TransactWriteItemsCommand,
  UpdateItem: UpdateItemCommand,
};

const recorded = JSON.parse(readFileSync(process.env.BENCH_SAME_CALLS_FILE ?? '', 'utf8')) as RecordedCalls;
const client = new DynamoDBClient({});

const app = new Hono();
app.all('/api/*', async (c) => {
  if (c.req.method !== 'GET') await c.req.text();
  for (const { operation, input } of recorded.calls) {
    const Command = commands[operation];
    if (!Command) throw new Error(`same-calls-api: no command for ${operation}`);
    await client.send(new Command(input));
  }
  // The login's password work is the password policy's, as in bare-api.ts.
  if (c.req.path === '/api/auth/login')
    await verifyPassword('not-the-right-password', process.env.BENCH_PASSWORD_HASH ?? '');
  return c.json({}, recorded.status as 200);
});

export const handler = handle(app);
