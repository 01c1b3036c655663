/**
 * The cold-start baseline: a bare `handle(new Hono())` with a DynamoDB client, answering each
 * representative request of bench/cold-start/cold-start.ts with one GetItem and the status the real
 * api answers — the least any API on this stack must load. Built with the same settings as the real
 * `api` function. The login route also does the password work the real login does on purpose: it
 * verifies the password against the same stored hash (scrypt 2^15/8/3, given by the bench in
 * BENCH_PASSWORD_HASH); that time is the password policy's, not code loading, so it is in both sides.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { verifyPassword } from '../../shared/accounts/password-hash';

const client = new DynamoDBClient({});
const getItem = (pk: string) =>
  client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: pk }, sk: { S: pk } } }));

const app = new Hono();
app.get('/api/health', async (c) => {
  await getItem('HEALTH');
  return c.json({ status: 'ok' });
});
app.post('/api/auth/login', async (c) => {
  const { password } = await c.req.json<{ password: string }>();
  await getItem('USER');
  await verifyPassword(password, process.env.BENCH_PASSWORD_HASH ?? '');
  return c.json({ error: 'UNAUTHENTICATED' }, 401);
});
app.get('/api/*', async (c) => {
  await getItem('LIST');
  return c.json({ items: [] });
});
app.put('/api/*', async (c) => {
  const body = await c.req.json<Record<string, unknown>>();
  await getItem('SAVE');
  return c.json(body);
});

export const handler = handle(app);
