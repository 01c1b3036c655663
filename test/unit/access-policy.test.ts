import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { decide, type AccessDecision, type AccessRule } from '../../shared/access/policy';
import { anonymous, type Principal } from '../../shared/access/principal';
import { createApp } from '../../shared/http/app';
import { endpointParams } from '../../shared/http/middleware/authorize';
import { describe as describeRoute } from '../../shared/http/openapi/describe';
import { routePolicy } from '../../shared/http/routes/policy';
import { testDeps } from '../support/factories';

/** The six callers of the access matrix (issue 3). */
const callers = {
  anonymous,
  memberA: { kind: 'user', userId: 'u-a', roles: ['institution'], institutionId: 'inst-A', active: true },
  memberB: { kind: 'user', userId: 'u-b', roles: ['institution'], institutionId: 'inst-B', active: true },
  expert: { kind: 'user', userId: 'u-e', roles: ['expert'], active: true },
  deactivated: { kind: 'user', userId: 'u-d', roles: ['organizer'], active: false },
  organizer: { kind: 'user', userId: 'u-o', roles: ['organizer'], active: true },
} satisfies Record<string, Principal>;
type Caller = keyof typeof callers;
const callerNames = Object.keys(callers) as Caller[];

/** Resolves the caller named in a test header (tests only; the real resolver reads the session). */
const byHeader = async (c: Context) => callers[(c.req.header('x-test-caller') ?? 'anonymous') as Caller] ?? anonymous;

function routesOf(app: { routes: { method: string; path: string }[] }): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

/** Routes without a rule and rules without a route. */
function coverage(routes: string[], policy: Record<string, AccessRule>) {
  return {
    missing: routes.filter((r) => !(r in policy)),
    stale: Object.keys(policy).filter((k) => !routes.includes(k)),
  };
}

describe('route policy coverage', () => {
  it('every route registered on the app has exactly one rule, and no rule is stale', () => {
    expect(coverage(routesOf(createApp(testDeps())), routePolicy)).toEqual({ missing: [], stale: [] });
  });

  it('catches a route added without a rule — and such a route is refused (fail closed)', async () => {
    const app = createApp(testDeps());
    app.get('/api/forgotten/:id', describeRoute({ summary: 'x', responses: { 200: { description: 'ok' } } }), (c) =>
      c.text('leak'),
    );
    expect(coverage(routesOf(app), routePolicy).missing).toEqual(['GET /api/forgotten/:id']);
    const res = await app.request('/api/forgotten/1');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('leak');
  });
});

describe('decide()', () => {
  const cases: [AccessRule, Caller, Record<string, string>, AccessDecision][] = [
    [{ access: 'public' }, 'anonymous', {}, 'allow'],
    [{ access: 'public' }, 'deactivated', {}, 'allow'],
    [{ access: 'signedIn' }, 'anonymous', {}, 'unauthenticated'],
    [{ access: 'signedIn' }, 'deactivated', {}, 'unauthenticated'],
    [{ access: 'signedIn' }, 'expert', {}, 'allow'],
    [{ access: 'roles', roles: ['organizer'] }, 'memberA', {}, 'forbidden'],
    [{ access: 'roles', roles: ['organizer'] }, 'deactivated', {}, 'unauthenticated'],
    [{ access: 'roles', roles: ['organizer'] }, 'organizer', {}, 'allow'],
    [
      { access: 'roles', roles: ['institution'], ownership: { check: 'ownInstitution', param: 'institutionId' } },
      'memberA',
      { institutionId: 'inst-A' },
      'allow',
    ],
    [
      { access: 'roles', roles: ['institution'], ownership: { check: 'ownInstitution', param: 'institutionId' } },
      'memberB',
      { institutionId: 'inst-A' },
      'notFound',
    ],
    [
      { access: 'roles', roles: ['institution'], ownership: { check: 'ownInstitution', param: 'institutionId' } },
      'expert',
      { institutionId: 'inst-A' },
      'forbidden',
    ],
    [
      {
        access: 'roles',
        roles: ['institution', 'organizer'],
        ownership: { check: 'ownInstitution', param: 'institutionId' },
      },
      'organizer',
      { institutionId: 'inst-A' },
      'allow',
    ],
  ];
  it.each(cases)('%j for %s with %j → %s', async (rule, caller, params, expected) => {
    expect(await decide(rule, callers[caller], params)).toBe(expected);
  });
});

describe('authorize middleware: the outcome table on a throwaway app', () => {
  const policy: Record<string, AccessRule> = {
    ...routePolicy,
    'GET /api/t/public': { access: 'public' },
    'GET /api/t/me': { access: 'signedIn' },
    'GET /api/t/admin': { access: 'roles', roles: ['organizer'] },
    'GET /api/t/institutions/:institutionId': {
      access: 'roles',
      roles: ['institution', 'organizer'],
      ownership: { check: 'ownInstitution', param: 'institutionId' },
    },
  };
  const app = createApp(testDeps({ principals: undefined }), { policy });
  const appWithCallers = createApp({ ...testDeps(), principals: byHeader }, { policy });
  for (const a of [app, appWithCallers]) {
    a.get('/api/t/public', (c) => c.text('public'));
    a.get('/api/t/me', (c) => c.text(`me:${c.get('principal').kind}`));
    a.get('/api/t/admin', (c) => c.text('admin'));
    a.get('/api/t/institutions/:institutionId', (c) => c.text(`institution ${c.req.param('institutionId')}`));
  }

  const expected: Record<string, Record<Caller, number>> = {
    '/api/t/public': { anonymous: 200, memberA: 200, memberB: 200, expert: 200, deactivated: 200, organizer: 200 },
    '/api/t/me': { anonymous: 401, memberA: 200, memberB: 200, expert: 200, deactivated: 401, organizer: 200 },
    '/api/t/admin': { anonymous: 401, memberA: 403, memberB: 403, expert: 403, deactivated: 401, organizer: 200 },
    '/api/t/institutions/inst-A': {
      anonymous: 401,
      memberA: 200,
      memberB: 404,
      expert: 403,
      deactivated: 401,
      organizer: 200,
    },
  };

  for (const [path, row] of Object.entries(expected)) {
    it.each(callerNames)(`${path} as %s`, async (caller) => {
      const res = await appWithCallers.request(path, { headers: { 'x-test-caller': caller } });
      expect(res.status).toBe(row[caller]);
    });
  }

  it("another institution's object answers exactly like one that does not exist", async () => {
    const theirs = await appWithCallers.request('/api/t/institutions/inst-A', {
      headers: { 'x-test-caller': 'memberB' },
    });
    const unknown = await appWithCallers.request('/api/no-such-route', { headers: { 'x-test-caller': 'memberB' } });
    const body = async (r: Response) => {
      const { error } = (await r.json()) as { error: { code: string; message: string } };
      return { status: r.status, code: error.code, message: error.message };
    };
    expect(await body(theirs)).toEqual(await body(unknown));
  });

  it('the production resolver (session cookie) makes a caller without a cookie anonymous', async () => {
    expect((await app.request('/api/t/me')).status).toBe(401);
    expect((await app.request('/api/t/public')).status).toBe(200);
  });

  it('reads path parameters of the endpoint, decoded', () => {
    expect(
      endpointParams('/api/institutions/:institutionId/members/:userId', '/api/institutions/inst%20A/members/u-1'),
    ).toEqual({ institutionId: 'inst A', userId: 'u-1' });
  });
});

// The access matrix over every real route × seven callers (these six and an expert off the chapter) runs
// against DynamoDB Local with real sessions and seeded data: test/api/access-matrix*.test.ts.
