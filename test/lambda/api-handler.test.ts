import type { APIGatewayProxyResult } from 'aws-lambda';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routePolicy } from '../../shared/http/routes/policy';
import { httpApiEvent, lambdaContext, stubApiEnv } from './events';

const ddb = mockClient(DynamoDBDocumentClient);

// A minimal PDF whose second line holds bytes that are not valid UTF-8, as real PDFs do.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from('\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
]);

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResult & { cookies?: string[] }>;
let handler: Handler;

beforeAll(async () => {
  stubApiEnv('error');
  const mod = await import('../../functions/api');
  // Certificates (the first real PDF route) arrive later; this route exercises the adapter's binary path
  // through the very app instance the handler serves.
  routePolicy['GET /api/__test/certificate.pdf'] = { access: 'public' }; // this file's own module instance
  mod.app.get('/api/__test/certificate.pdf', (c) => c.body(PDF, 200, { 'content-type': 'application/pdf' }));
  handler = mod.handler as unknown as Handler;
});
beforeEach(() => ddb.reset());

describe('functions/api — API Gateway HTTP API payload 2.0', () => {
  it('a JSON route: status, headers, text body, table read through the store', async () => {
    ddb.on(GetCommand).resolves({});
    const res = await handler(
      httpApiEvent({ method: 'GET', path: '/api/health', headers: { 'x-request-id': 'forged-by-client' } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toContain('application/json');
    expect(res.headers?.['x-content-type-options']).toBe('nosniff');
    expect(res.headers?.['x-request-id']).toBe('Q1w2E3r4T5y6U7i='); // API Gateway's own id, not the client's
    expect(res.isBase64Encoded).toBe(false);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', checks: { table: 'reachable' } });
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'platform-table',
      Key: { pk: 'HEALTH', sk: 'HEALTH' },
    });
  });

  it('a cookie-setting route: Set-Cookie goes to the v2 `cookies` array', async () => {
    const body = JSON.stringify({ language: 'en' });
    const res = await handler(
      httpApiEvent({
        method: 'PUT',
        path: '/api/preferences/language',
        body,
        headers: { 'content-type': 'application/json' },
        cookies: ['lang=pl'],
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies?.[0]).toMatch(/^lang=en;.*HttpOnly.*Secure.*SameSite=Lax/);
    expect(res.headers?.['set-cookie']).toBeUndefined();
  });

  it('request cookies from the v2 event reach the app (language of messages)', async () => {
    const res = await handler(
      httpApiEvent({ method: 'GET', path: '/api/nothing-here', cookies: ['lang=en'] }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.message).toBe('Not found.');
  });

  it('a base64-encoded request body is decoded', async () => {
    const body = Buffer.from(JSON.stringify({ language: 'pl' })).toString('base64');
    const res = await handler(
      httpApiEvent({
        method: 'PUT',
        path: '/api/preferences/language',
        body,
        isBase64Encoded: true,
        headers: { 'content-type': 'application/json' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ language: 'pl' });
  });

  it('a binary (application/pdf) route: base64 body with the exact bytes', async () => {
    const res = await handler(httpApiEvent({ method: 'GET', path: '/api/__test/certificate.pdf' }), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/pdf');
    expect(res.isBase64Encoded).toBe(true);
    expect(Buffer.from(res.body, 'base64').equals(PDF)).toBe(true);
  });

  it('malformed JSON through API Gateway is a JSON 400', async () => {
    const res = await handler(
      httpApiEvent({
        method: 'PUT',
        path: '/api/preferences/language',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('MALFORMED_JSON');
  });
});
