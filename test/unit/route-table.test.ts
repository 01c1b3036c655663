import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { createLazyApp } from '../../shared/http/lazy-app';
import { readFileSync } from 'node:fs';
import { groupPaths } from '../../shared/http/route-table';
import { API_PREFIX, routeTableFile, routeTableRows, routeTableSource } from '../../scripts/route-table';
import { testDeps } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());
afterEach(() => ddb.reset());

const endpoints = (routes: readonly { method: string; path: string }[]) => [
  ...new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
];

/** Could one request path match both patterns? (`:param` matches any one segment.) */
const overlap = (a: string, b: string) => {
  const [x, y] = [a.split('/'), b.split('/')];
  return x.length === y.length && x.every((s, i) => s === y[i] || s.startsWith(':') || y[i]?.startsWith(':'));
};

describe('the route table the api Lambda dispatches with (shared/http/route-table.ts)', () => {
  it('is what the route groups register now (else: npx tsx scripts/route-table.ts)', async () => {
    expect(readFileSync(routeTableFile, 'utf8')).toBe(routeTableSource(await routeTableRows()));
  });

  it("the groups' routes are exactly the eager app's, in the eager app's order", async () => {
    const rows = await routeTableRows();
    expect(rows.map(([method, path]) => `${method} ${path}`)).toEqual(endpoints(createApp(testDeps()).routes));
  });

  it('the dispatched paths name each route’s own group, and every route’s path is dispatched', async () => {
    const dispatched = Object.entries(groupPaths).flatMap(([group, paths]) =>
      paths.split(' ').map((p) => `${API_PREFIX}${p} ${group}`),
    );
    const expected = [...new Set((await routeTableRows()).map(([, path, group]) => `${path} ${group}`))];
    expect(dispatched.sort()).toEqual(expected.sort());
  });

  it('gives every path one group, and no request path can match routes of two groups', async () => {
    const routeTable = await routeTableRows();
    const clashes = routeTable.flatMap(([, p1, g1], i) =>
      routeTable
        .slice(i + 1)
        .flatMap(([, p2, g2]) => (g1 !== g2 && overlap(p1, p2) ? [`${p1} (${g1}) ~ ${p2} (${g2})`] : [])),
    );
    expect(clashes).toEqual([]);
  });
});

describe('the lazy app answers as the eager app', () => {
  const both = () => ({ eager: createApp(testDeps()), lazy: createLazyApp(testDeps()) });
  const answer = async (res: Response) => ({
    status: res.status,
    allow: res.headers.get('allow'),
    csp: res.headers.get('content-security-policy'),
    body: (await res.text()).replace(/"requestId":"[^"]*"/, ''),
  });

  it.each([
    ['a public route', '/api/health', {}],
    ['a signed-in route, anonymously (401)', '/api/editions', {}],
    ['an organizer route, anonymously', '/api/audit', {}],
    ['an unknown path (404)', '/api/no-such-thing', {}],
    [
      'a known path with another method (405 with Allow)',
      '/api/health',
      { method: 'DELETE', headers: { 'sec-fetch-site': 'same-origin' } },
    ],
    [
      'a cross-site form post (CSRF)',
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body: 'x' },
    ],
    [
      'malformed JSON (400)',
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
    ],
  ] as const)('%s', async (_name, path, init) => {
    ddb.on(GetCommand).resolves({});
    const { eager, lazy } = both();
    expect(await answer(await lazy.request(path, init))).toEqual(await answer(await eager.request(path, init)));
  });

  it('reads the session once per request, while the group loads, and answers as the eager app', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const organizer = { kind: 'user', userId: 'u1', roles: ['organizer'], active: true, sessionId: 's1' } as const;
    const calls: string[] = [];
    const deps = () =>
      testDeps({
        principals: async (c) => {
          calls.push(c.req.routePath);
          return { ...organizer, email: 'o@x.pl', displayName: 'O' };
        },
      });
    const eager = await createApp(deps()).request('/api/editions');
    calls.length = 0;
    const lazy = createLazyApp(deps());
    for (let i = 0; i < 2; i++) {
      const res = await lazy.request('/api/editions');
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: eager.status,
        body: await eager.clone().json(),
      });
    }
    // Once per request, by the dispatcher (its route is the table's path, the group's middleware would see /api/*).
    expect(calls).toEqual(['/api/editions', '/api/editions']);
  });

  it('reads the session once for a request with a body too (the body limit wraps the request it forwards)', async () => {
    const calls: string[] = [];
    const deps = testDeps({
      principals: async (c) => {
        calls.push(c.req.routePath);
        return { kind: 'anonymous' };
      },
    });
    const res = await createLazyApp(deps).request('/api/editions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(calls).toEqual(['/api/editions']);
  });

  it("a session read that fails while the group loads is that request's error, not an unhandled rejection", async () => {
    const failing = () => testDeps({ principals: () => Promise.reject(new Error('database down')) });
    const [eager, lazy] = [
      await createApp(failing()).request('/api/editions'),
      await createLazyApp(failing()).request('/api/editions'),
    ];
    expect(lazy.status).toBe(eager.status);
    expect(lazy.status).toBe(500);
  });

  it('serves the complete OpenAPI document (the openapi group is the whole app)', async () => {
    const { eager, lazy } = both();
    const [a, b] = await Promise.all([eager.request('/api/openapi.json'), lazy.request('/api/openapi.json')]);
    expect(b.status).toBe(200);
    expect(await b.json()).toEqual(await a.json());
  });
});
