import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/user';
import { routePolicy } from '../../shared/http/routes/policy';
import { keys } from '../../shared/store/keys';
import { apiHarness, goodPassword, jsonRequest, registrationBody, seedInstitution, seedUser, sessionCookie, uniqueEmail } from '../support/accounts';

/**
 * The access matrix (issue 3): every route of the policy × the six callers, against DynamoDB Local
 * with seeded data and real session cookies, with the exact status written out. Outcomes (401 vs
 * 403 vs 404) are those of docs/access-control.md. A route added to the policy without a row here
 * fails the first test.
 */
const callers = ['anonymous', 'memberA', 'memberB', 'expert', 'deactivated', 'organizer'] as const;
type Caller = (typeof callers)[number];
type Row = Record<Caller, number>;

const all = (status: number): Row => ({ anonymous: status, memberA: status, memberB: status, expert: status, deactivated: status, organizer: status });
const signedIn = (status: number): Row => ({ anonymous: 401, memberA: status, memberB: status, expert: status, deactivated: 401, organizer: status });
const ownInstitutionA = (status: number): Row => ({ anonymous: 401, memberA: status, memberB: 404, expert: 403, deactivated: 401, organizer: status });
const organizerOnly = (status: number): Row => ({ anonymous: 401, memberA: 403, memberB: 403, expert: 403, deactivated: 401, organizer: status });

const { deps, app } = apiHarness();
interface World { institutionA: string; users: Record<Exclude<Caller, 'anonymous'>, User>; loginUser: User; target: User }
let world: World;

type Sample = (w: World, caller: Caller) => Promise<{ path: string; init?: RequestInit }> | { path: string; init?: RequestInit };
const get = (path: string): Sample => () => ({ path });
const post = (path: string | ((w: World) => string), body: (w: World, caller: Caller) => unknown = () => ({})): Sample => (w, caller) => ({
  path: typeof path === 'string' ? path : path(w),
  init: jsonRequest('POST', body(w, caller)),
});

const bogusToken = 'x'.repeat(43);
const samples: Record<string, { sample: Sample; expected: Row }> = {
  'GET /api/health': { sample: get('/api/health'), expected: all(200) },
  'PUT /api/preferences/language': { sample: () => ({ path: '/api/preferences/language', init: jsonRequest('PUT', { language: 'en' }) }), expected: all(200) },
  'GET /api/openapi.json': { sample: get('/api/openapi.json'), expected: all(200) },
  'GET /api/docs': { sample: get('/api/docs'), expected: all(200) },
  'GET /api/dev/outbox': { sample: get('/api/dev/outbox'), expected: all(200) },

  'POST /api/auth/login': { sample: post('/api/auth/login', (w) => ({ email: w.loginUser.email, password: goodPassword })), expected: all(200) },
  'POST /api/auth/logout': { sample: post('/api/auth/logout'), expected: all(204) },
  'POST /api/auth/logout-everywhere': { sample: post('/api/auth/logout-everywhere'), expected: signedIn(200) },
  'GET /api/me': { sample: get('/api/me'), expected: signedIn(200) },
  'PUT /api/me': {
    sample: async (w, caller) => {
      const user = caller === 'anonymous' ? undefined : await deps.store.get<{ version: number }>(keys.user(w.users[caller].userId), { consistent: true });
      return { path: '/api/me', init: jsonRequest('PUT', { displayName: 'Zmienione Imię', language: 'pl', version: user?.version ?? 1 }) };
    },
    expected: signedIn(200),
  },
  'POST /api/auth/verify-email': { sample: post('/api/auth/verify-email', () => ({ token: bogusToken })), expected: all(400) },
  'POST /api/auth/verify-email/resend': { sample: post('/api/auth/verify-email/resend', () => ({ email: uniqueEmail() })), expected: all(202) },
  'POST /api/auth/password-reset': { sample: post('/api/auth/password-reset', () => ({ email: uniqueEmail() })), expected: all(202) },
  'POST /api/auth/password-reset/complete': { sample: post('/api/auth/password-reset/complete', () => ({ token: bogusToken, password: goodPassword })), expected: all(400) },
  'POST /api/auth/invitations/accept': { sample: post('/api/auth/invitations/accept', () => ({ token: bogusToken, password: goodPassword })), expected: all(400) },

  'POST /api/institutions': { sample: post('/api/institutions', () => registrationBody()), expected: all(201) },
  'GET /api/institutions/:institutionId': { sample: (w) => ({ path: `/api/institutions/${w.institutionA}` }), expected: ownInstitutionA(200) },
  'PUT /api/institutions/:institutionId': {
    sample: async (w) => {
      const item = (await deps.store.get(keys.institution(w.institutionA), { consistent: true })) ?? {};
      const { pk: _pk, sk: _sk, entity: _e, institutionId: _i, nip: _n, createdAt: _c, updatedAt: _u, ...profile } = item;
      return { path: `/api/institutions/${w.institutionA}`, init: jsonRequest('PUT', profile) };
    },
    expected: ownInstitutionA(200),
  },
  'GET /api/institutions/:institutionId/members': { sample: (w) => ({ path: `/api/institutions/${w.institutionA}/members` }), expected: ownInstitutionA(200) },
  'POST /api/institutions/:institutionId/members': {
    sample: post((w) => `/api/institutions/${w.institutionA}/members`, () => ({ email: uniqueEmail('colleague'), displayName: 'Kolega' })),
    expected: ownInstitutionA(201),
  },

  'GET /api/users': { sample: get('/api/users?role=expert'), expected: organizerOnly(200) },
  'POST /api/experts': {
    sample: post('/api/experts', () => ({ email: uniqueEmail('expert'), displayName: 'Dr Ekspert', affiliation: 'Uniwersytet', voivodeship: 'małopolskie', expertise: ['obsługa klienta'] })),
    expected: organizerOnly(201),
  },
  'POST /api/users/:userId/deactivate': { sample: post((w) => `/api/users/${w.target.userId}/deactivate`), expected: organizerOnly(200) },
  'POST /api/users/:userId/reactivate': { sample: post((w) => `/api/users/${w.target.userId}/reactivate`), expected: organizerOnly(200) },
  'GET /api/audit': { sample: get('/api/audit'), expected: organizerOnly(200) },
};

beforeAll(async () => {
  const a = await seedInstitution(deps);
  const b = await seedInstitution(deps);
  const { user: expert } = await seedUser(deps, { role: 'expert' });
  const { user: organizer } = await seedUser(deps, { role: 'organizer' });
  const { user: deactivated } = await seedUser(deps, { role: 'organizer', status: 'deactivated' });
  const { user: loginUser } = await seedUser(deps, { role: 'expert' });
  const { user: target } = await seedUser(deps, { role: 'expert' });
  world = { institutionA: a.institutionId, users: { memberA: a.member, memberB: b.member, expert, deactivated, organizer }, loginUser, target };
});

describe('access matrix (real routes, real sessions, seeded data)', () => {
  it('has a row for every route of the policy, and no row without a route', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(routePolicy).sort());
  });

  for (const [route, { sample, expected }] of Object.entries(samples)) {
    it.each(callers)(`${route} as %s → ${JSON.stringify(expected).replace(/"/g, '')}`, async (caller) => {
      const { path, init } = await sample(world, caller);
      const headers = new Headers(init?.headers);
      headers.set('x-test-client-address', `198.51.100.${callers.indexOf(caller)}`);
      // A fresh session per cell, so a cell that logs out cannot change the next one's caller.
      if (caller !== 'anonymous') headers.set('cookie', await sessionCookie(deps, world.users[caller].userId));
      const res = await app.request(path, { ...init, headers });
      expect(res.status, await res.clone().text()).toBe(expected[caller]);
    });
  }

  it("another institution's profile answers exactly like one that does not exist", async () => {
    const cookie = await sessionCookie(deps, world.users.memberB.userId);
    const body = async (path: string) => {
      const res = await app.request(path, { headers: { cookie } });
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      return { status: res.status, code: error.code, message: error.message };
    };
    expect(await body(`/api/institutions/${world.institutionA}`)).toEqual(await body(`/api/institutions/${deps.ids.newId()}`));
  });
});
