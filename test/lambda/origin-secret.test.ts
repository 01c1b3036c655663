import type { APIGatewayProxyResult } from 'aws-lambda';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { Hono } from 'hono';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cloudClientAddress } from '../../functions/cloud-deps';
import { MissingConfigError } from '../../shared/config';
import {
  originSecretHeader,
  originSecretsFromEnv,
  requireOriginSecret,
} from '../../shared/http/middleware/origin-secret';
import { routePolicy } from '../../shared/http/routes/policy';
import { memoryLogger } from '../../shared/platform/logger';
import { httpApiEvent, lambdaContext, stubApiEnv, testOriginSecret } from './events';

const ddb = mockClient(DynamoDBDocumentClient);
type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResult>;
let handler: Handler;
let logged: string[] = [];

beforeAll(async () => {
  stubApiEnv('info');
  const mod = await import('../../functions/api');
  // The address the app's limits and audit entries use, as the cloud wiring computes it.
  routePolicy['GET /api/__test/client-address'] = { access: 'public' }; // this file's own module instance
  mod.app.get('/api/__test/client-address', (c) => c.json({ address: cloudClientAddress(c) }));
  handler = mod.handler as unknown as Handler;
});
beforeEach(() => {
  ddb.reset();
  logged = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
    logged.push(String(line));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const withoutSecret = (headers: Record<string, string> = {}) => {
  const event = httpApiEvent({ method: 'GET', path: '/api/health', headers });
  delete event.headers[originSecretHeader];
  return event;
};

describe('the cloud api answers only requests that came through CloudFront', () => {
  it('refuses a request without the origin secret with 403, logged, before any route or table read', async () => {
    const res = await handler(withoutSecret(), lambdaContext);
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'FORBIDDEN', requestId: 'Q1w2E3r4T5y6U7i=' });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    const lines = logged.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        originHeader: 'missing',
        path: '/api/health',
        requestId: 'Q1w2E3r4T5y6U7i=',
      }),
    );
  });

  it('refuses a wrong secret, and never logs the value it carried or the real one', async () => {
    const forged = 'forged-by-a-direct-caller-0123456789';
    const res = await handler(
      httpApiEvent({ method: 'GET', path: '/api/health', headers: { [originSecretHeader]: forged } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(403);
    const log = logged.join('');
    expect(log).toContain('"originHeader":"wrong"');
    expect(log).not.toContain(forged);
    expect(log).not.toContain(testOriginSecret);
  });

  it('a forged CloudFront-Viewer-Address without the secret gets nowhere', async () => {
    const res = await handler(withoutSecret({ 'cloudfront-viewer-address': '192.0.2.1:443' }), lambdaContext);
    expect(res.statusCode).toBe(403);
  });

  it('with the secret, the request is served and the client address comes from CloudFront-Viewer-Address', async () => {
    ddb.on(GetCommand).resolves({});
    const health = await handler(httpApiEvent({ method: 'GET', path: '/api/health' }), lambdaContext);
    expect(health.statusCode).toBe(200);

    const res = await handler(
      httpApiEvent({
        method: 'GET',
        path: '/api/__test/client-address',
        headers: { 'cloudfront-viewer-address': '198.51.100.23:54321' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ address: '198.51.100.23' }); // not API Gateway's 203.0.113.7 (the edge)
  });
});

describe('requireOriginSecret', () => {
  const app = new Hono().get('/api/x', (c) => c.text('ok'));
  const call = (guarded: ReturnType<typeof requireOriginSecret>, value?: string) =>
    guarded.request('/api/x', { headers: value === undefined ? {} : { [originSecretHeader]: value } });

  it('accepts the previous value during a rotation, and only the two given values', async () => {
    const guarded = requireOriginSecret(app, { current: 'new-value', previous: 'old-value' }, memoryLogger());
    expect((await call(guarded, 'new-value')).status).toBe(200);
    expect((await call(guarded, 'old-value')).status).toBe(200);
    expect((await call(guarded, 'older-value')).status).toBe(403);
    expect((await call(guarded, '')).status).toBe(403);
    expect((await call(guarded)).status).toBe(403);
    const only = requireOriginSecret(app, { current: 'new-value' }, memoryLogger());
    expect((await call(only, 'old-value')).status).toBe(403);
    expect((await call(only, 'new-value')).status).toBe(200);
  });

  it('reads ORIGIN_SECRET (required, named when missing) and the optional ORIGIN_SECRET_PREVIOUS', () => {
    expect(() => originSecretsFromEnv({})).toThrow(MissingConfigError);
    expect(() => originSecretsFromEnv({})).toThrow(/ORIGIN_SECRET/);
    expect(originSecretsFromEnv({ ORIGIN_SECRET: 'a' })).toEqual({ current: 'a' });
    expect(originSecretsFromEnv({ ORIGIN_SECRET: 'a', ORIGIN_SECRET_PREVIOUS: ' ' })).toEqual({ current: 'a' });
    expect(originSecretsFromEnv({ ORIGIN_SECRET: 'a', ORIGIN_SECRET_PREVIOUS: 'b' })).toEqual({
      current: 'a',
      previous: 'b',
    });
  });
});
