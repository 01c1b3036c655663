import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import * as z from 'zod/mini';
import { describe as describeRoute, validate } from '../../shared/http/openapi/describe';
import { buildOpenApiDocument, undocumentedRoutes } from '../../shared/http/openapi/document';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { routePolicy } from '../../shared/http/routes/policy';
import { testDeps } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());
afterEach(() => ddb.reset());

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string>; requestId?: string };
}
const errorOf = async (res: Response) => (await res.json()) as ErrorJson;

describe('the Hono app: error model', () => {
  it('health answers 200 when the table answers', async () => {
    ddb.on(GetCommand).resolves({});
    const res = await createApp(testDeps()).request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { table: 'reachable' } });
  });

  it('health answers 503 when the table is unreachable', async () => {
    ddb.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const res = await createApp(testDeps()).request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { table: 'unreachable' } });
  });

  it('malformed JSON is a 400 naming the body, never a 500', async () => {
    const res = await createApp(testDeps()).request('/api/preferences/language', json('{"language": '));
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(body.error.fields).toHaveProperty('body');
  });

  it('an unknown route is a JSON 404', async () => {
    const res = await createApp(testDeps()).request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await errorOf(res)).error.code).toBe('NOT_FOUND');
  });

  it('a known route with the wrong method is a JSON 405 with Allow', async () => {
    // As a browser on our own page sends it (a bare DELETE with no Origin meets the CSRF check first).
    const res = await createApp(testDeps()).request('/api/health', {
      method: 'DELETE',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect((await errorOf(res)).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('an oversized body is a JSON 413 before the handler runs', async () => {
    const app = createApp(testDeps({ maxBodyBytes: 64 }));
    const res = await app.request('/api/preferences/language', json({ language: 'pl', padding: 'x'.repeat(200) }));
    expect(res.status).toBe(413);
    const body = await errorOf(res);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toContain('KiB');
  });

  it('validation errors name the field, in Polish by default and in English on request', async () => {
    const app = createApp(testDeps());
    const pl = await errorOf(await app.request('/api/preferences/language', json({ language: 'de' })));
    expect(pl.error.code).toBe('VALIDATION_FAILED');
    expect(pl.error.message).toBe('Popraw zaznaczone pola.');
    expect(pl.error.fields?.language).toMatch(/opcja/i);
    const en = await errorOf(await app.request('/api/preferences/language', json({}, { 'accept-language': 'en' })));
    expect(en.error.message).toBe('Please correct the highlighted fields.');
    expect(en.error.fields?.language).toBe('This field is required.');
  });

  it('a throttled store call ends as a 503 with Retry-After, through the store and onError', async () => {
    ddb.on(GetCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} }));
    const deps = testDeps();
    const app = createApp(deps, { policy: { ...routePolicy, 'GET /api/__read': { access: 'public' } } });
    app.get('/api/__read', async (c) => c.json(await deps.store.get({ pk: 'X', sk: 'Y' })));
    const res = await app.request('/api/__read');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await errorOf(res)).error.code).toBe('THROTTLED');
  });

  it('health answers 503 (never 500) when IAM denies the read', async () => {
    ddb
      .on(GetCommand)
      .rejects(
        Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }),
      );
    const res = await createApp(testDeps()).request('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('an unexpected error is a generic 500 with a request id; the details go to the log only', async () => {
    const deps = testDeps();
    const app = createApp(deps, { policy: { ...routePolicy, 'GET /api/__boom': { access: 'public' } } });
    app.get('/api/__boom', () => {
      throw new Error('secret internals: password=hunter2');
    });
    const res = await app.request('/api/__boom', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('at ');
    const body = JSON.parse(text) as ErrorJson;
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toContain(body.error.requestId);
    const logged = deps.logger.lines.find((l) => l.msg === 'request failed');
    expect(logged).toMatchObject({ requestId: body.error.requestId, code: 'INTERNAL' });
    expect(JSON.stringify(logged)).toContain('hunter2');
  });
});

describe('the Hono app: cross-cutting', () => {
  it('writes one structured log line per request', async () => {
    ddb.on(GetCommand).resolves({});
    const deps = testDeps();
    const res = await createApp(deps).request('/api/health', { headers: { 'x-request-id': 'req-123' } });
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const lines = deps.logger.lines.filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-123', method: 'GET', route: '/api/health', status: 200 });
    expect(typeof lines[0]?.durationMs).toBe('number');
  });

  it('sets security headers', async () => {
    ddb.on(GetCommand).resolves({});
    const res = await createApp(testDeps()).request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the language route sets an HttpOnly, Secure, SameSite=Lax cookie', async () => {
    const res = await createApp(testDeps()).request('/api/preferences/language', json({ language: 'en' }));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await createApp(testDeps()).request('/api/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/preferences/language']?.put?.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      properties: { language: { type: 'string', enum: ['pl', 'en'] } },
      required: ['language'],
    });
  });

  it('documents every registered route', () => {
    const app = createApp(testDeps());
    expect(undocumentedRoutes(app.routes, buildOpenApiDocument(app.routes))).toEqual([]);
  });

  it('the coverage check catches a route added without describe()', () => {
    const app = createApp(testDeps());
    app.get('/api/undocumented/:id', (c) => c.text('x'));
    expect(undocumentedRoutes(app.routes, buildOpenApiDocument(app.routes))).toEqual(['GET /api/undocumented/{id}']);
  });

  it('documents path parameters, query and body from the validating schemas', async () => {
    const app = createApp(testDeps(), { policy: { ...routePolicy, 'POST /api/extra/:id': { access: 'public' } } });
    app.post(
      '/api/extra/:id',
      describeRoute({ summary: 'extra', responses: { 201: { description: 'made' } } }),
      validate('param', z.object({ id: z.string() })),
      validate('query', z.object({ page: z.optional(z.string()) })),
      validate('json', z.object({ name: z.string().check(z.minLength(3)) })),
      (c) => c.text('ok', 201),
    );
    const doc = buildOpenApiDocument(app.routes);
    expect(undocumentedRoutes(app.routes, doc)).toEqual([]);
    const op = doc.paths['/api/extra/{id}']?.post as {
      parameters: unknown[];
      requestBody: { content: Record<string, { schema: unknown }> };
    };
    expect(op.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'page', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(op.requestBody.content['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { name: { type: 'string', minLength: 3 } },
      required: ['name'],
    });
    const res = await app.request('/api/extra/7', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"ab"}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.fields).toHaveProperty('name');
  });

  it('serves a browsable docs page listing the operations', async () => {
    const res = await createApp(testDeps()).request('/api/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<code>/api/health</code>');
    expect(html).toContain('<code>/api/preferences/language</code>');
  });
});

describe('CSRF protection', () => {
  const form = (headers: Record<string, string>) => ({
    method: 'PUT',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'language=en',
  });

  it.each([
    ['a cross-site form post', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [
      'a same-site (sibling subdomain) form post',
      { 'sec-fetch-site': 'same-site', origin: 'https://other.example.org' },
    ],
    ['a form post from a foreign Origin (old browser, no Sec-Fetch-Site)', { origin: 'https://evil.example' }],
    ['a text/plain post with no Origin at all', { 'content-type': 'text/plain' }],
  ])('refuses %s with a JSON 403 of its own code (not a role refusal)', async (_what, headers) => {
    const res = await createApp(testDeps()).request('/api/preferences/language', form(headers));
    expect(res.status).toBe(403);
    const body = await errorOf(res);
    expect(body.error.code).toBe('CSRF_REJECTED');
    expect(body.error.message).toContain('CSRF');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['the trusted public origin', { origin: 'https://konkurs.example.org' }],
    ['the request’s own origin', { origin: 'http://localhost' }],
  ])('lets a form request through from %s (then validation decides)', async (_what, headers) => {
    const res = await createApp(testDeps()).request('http://localhost/api/preferences/language', form(headers));
    expect(res.status).not.toBe(403);
  });

  it('JSON requests need a CORS preflight, and the API grants none', async () => {
    const res = await createApp(testDeps()).request('/api/preferences/language', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });
});
