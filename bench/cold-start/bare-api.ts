/**
 * The cold-start baseline: a bare `handle(new Hono())` with a DynamoDB client answering a health-like
 * route with one GetItem — the least any API on this stack must load. Built with the same settings as
 * the real `api` function.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const client = new DynamoDBClient({});
const app = new Hono();
app.get('/api/health', async (c) => {
  await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: 'HEALTH' }, sk: { S: 'HEALTH' } } }),
  );
  return c.json({ status: 'ok' });
});

export const handler = handle(app);
