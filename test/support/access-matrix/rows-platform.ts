import { expect } from 'vitest';
import { keys } from '../../../shared/store/keys';
import { goodPassword, jsonRequest, registrationBody, uniqueEmail } from '../accounts';
import { all, type Cell, organizerOnly, ownInstitutionA, signedIn } from './matrix';
import { probe } from './probes';
import type { Caller, World } from './world';

/** Platform, accounts, institutions and staff accounts: the rows of the matrix (one per route). */
const get = (path: string) => () => ({ path });
const post =
  (path: string | ((w: World) => string), body: (w: World, caller: Caller) => unknown = () => ({})) =>
  (w: World, caller: Caller) => ({
    path: typeof path === 'string' ? path : path(w),
    init: jsonRequest('POST', body(w, caller)),
  });
const bogusToken = 'x'.repeat(43);
/** Per-cell e-mails, so a refused cell's probe knows the address it would have registered. */
const cellEmail = (w: World, caller: Caller, label: string) => `${label}-${w.tag}-${caller}@example.org`;

export const platformRows: Record<string, Cell> = {
  'GET /api/health': { sample: get('/api/health'), expected: all(200), sees: 'nobody' },
  'PUT /api/preferences/language': {
    sample: () => ({ path: '/api/preferences/language', init: jsonRequest('PUT', { language: 'en' }) }),
    expected: all(200),
    sees: 'nobody',
    // Only a cookie is set; nothing is stored.
    touches: (w) => probe.callers(w),
  },
  'GET /api/openapi.json': { sample: get('/api/openapi.json'), expected: all(200), sees: 'nobody' },
  'GET /api/docs': { sample: get('/api/docs'), expected: all(200), sees: 'nobody' },
  'GET /api/dev/outbox': {
    sample: get('/api/dev/outbox'),
    expected: all(200),
    sees: {
      everything:
        'local mode only: the outbox of every e-mail, so a person trying the platform can click links; 404 in the cloud',
    },
  },

  'POST /api/auth/login': {
    sample: post('/api/auth/login', (w) => ({ email: w.loginUser.email, password: goodPassword })),
    expected: all(200),
    // The account that logged in (not one of the tenants), whoever the cookie named.
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/logout': {
    sample: post('/api/auth/logout'),
    expected: all(204),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/logout-everywhere': {
    sample: post('/api/auth/logout-everywhere'),
    expected: signedIn(200),
    sees: 'self',
    touches: (w) => probe.callers(w),
  },
  'GET /api/me': {
    sample: get('/api/me'),
    expected: signedIn(200),
    sees: 'self',
    shows: (body: { user: { userId: string }; institution?: { institutionId: string } }, { w, caller }) => {
      const me = w.users[caller as Exclude<Caller, 'anonymous'>];
      expect(body.user.userId).toBe(me.userId);
      expect(body.institution?.institutionId).toBe(me.institutionId);
    },
  },
  'PUT /api/me': {
    sample: async (w, caller, deps) => {
      const user =
        caller === 'anonymous'
          ? undefined
          : await deps.store.get<{ version: number }>(keys.user(w.users[caller].userId), { consistent: true });
      return {
        path: '/api/me',
        init: jsonRequest('PUT', { displayName: 'Zmienione Imię', language: 'pl', version: user?.version ?? 1 }),
      };
    },
    expected: signedIn(200),
    sees: 'self',
    touches: (w) => probe.callers(w),
    shows: (body: { user: { userId: string } }, { w, caller }) =>
      expect(body.user.userId).toBe(w.users[caller as Exclude<Caller, 'anonymous'>].userId),
  },
  'POST /api/auth/verify-email': {
    sample: post('/api/auth/verify-email', () => ({ token: bogusToken })),
    expected: all(400),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/verify-email/resend': {
    sample: post('/api/auth/verify-email/resend', () => ({ email: uniqueEmail() })),
    expected: all(202),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/password-reset': {
    sample: post('/api/auth/password-reset', () => ({ email: uniqueEmail() })),
    expected: all(202),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/password-reset/complete': {
    sample: post('/api/auth/password-reset/complete', () => ({ token: bogusToken, password: goodPassword })),
    expected: all(400),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },
  'POST /api/auth/invitations/accept': {
    sample: post('/api/auth/invitations/accept', () => ({ token: bogusToken, password: goodPassword })),
    expected: all(400),
    sees: 'nobody',
    touches: (w) => probe.callers(w),
  },

  'POST /api/institutions': {
    sample: post('/api/institutions', (w, caller) =>
      registrationBody({ account: { email: cellEmail(w, caller, 'clerk') } }),
    ),
    expected: all(202),
    sees: 'nobody',
    touches: (w, caller) => probe.email(cellEmail(w, caller, 'clerk')),
  },
  'GET /api/institutions/:institutionId': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}` }),
    expected: ownInstitutionA(200),
    sees: 'own',
    shows: (body: { institutionId: string }, { w }) => expect(body.institutionId).toBe(w.institutionA),
  },
  'PUT /api/institutions/:institutionId': {
    sample: async (w, _caller, deps) => {
      const item = (await deps.store.get(keys.institution(w.institutionA), { consistent: true })) ?? {};
      const {
        pk: _pk,
        sk: _sk,
        entity: _e,
        institutionId: _i,
        nip: _n,
        createdAt: _c,
        updatedAt: _u,
        ...profile
      } = item;
      return { path: `/api/institutions/${w.institutionA}`, init: jsonRequest('PUT', profile) };
    },
    expected: ownInstitutionA(200),
    sees: 'own',
    touches: (w) => probe.institution(w.institutionA),
  },
  'GET /api/institutions/:institutionId/members': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}/members` }),
    expected: ownInstitutionA(200),
    sees: 'own',
    shows: async (body: { items: { userId: string }[] }, { w, deps }) => {
      const members = await deps.store.queryAll({
        partitionKey: keys.institution(w.institutionA).pk,
        sortKeyPrefix: keys.memberPrefix,
        consistent: true,
      });
      expect(body.items.map((u) => u.userId).sort()).toEqual(members.map((m) => String(m.userId)).sort());
      expect(body.items.map((u) => u.userId)).toContain(w.users.memberA.userId);
    },
  },
  'POST /api/institutions/:institutionId/members': {
    sample: post(
      (w) => `/api/institutions/${w.institutionA}/members`,
      (w, caller) => ({ email: cellEmail(w, caller, 'colleague'), displayName: 'Kolega' }),
    ),
    expected: ownInstitutionA(201),
    sees: 'own',
    touches: (w, caller) => [...probe.institution(w.institutionA), ...probe.email(cellEmail(w, caller, 'colleague'))],
    shows: (body: { institutionId: string }, { w }) => expect(body.institutionId).toBe(w.institutionA),
  },
  'GET /api/institutions/:institutionId/applications': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}/applications` }),
    expected: ownInstitutionA(200),
    sees: 'own',
    // Only A's applications, every one of them (A applied to the open, the third, the uploads and two results editions).
    shows: (body: { items: { applicationId: string; institutionId: string }[] }, { w }) => {
      expect(body.items.every((a) => a.institutionId === w.institutionA)).toBe(true);
      expect(body.items.map((a) => a.applicationId).sort()).toEqual(
        [w.appA, w.appSubmit, w.uploadApp, ...w.results.applicationsOfA, w.certificates.appA].sort(),
      );
    },
  },

  'GET /api/users': {
    sample: get('/api/users?role=expert'),
    expected: organizerOnly(200),
    sees: 'own',
    shows: (body: { items: { roles: string[] }[] }) =>
      expect(body.items.every((u) => u.roles.includes('expert'))).toBe(true),
  },
  'POST /api/experts': {
    sample: post('/api/experts', (w, caller) => ({
      email: cellEmail(w, caller, 'expert'),
      displayName: 'Dr Ekspert',
      affiliation: 'Uniwersytet',
      voivodeship: 'małopolskie',
      expertise: ['obsługa klienta'],
    })),
    expected: organizerOnly(201),
    sees: 'own',
    touches: (w, caller) => probe.email(cellEmail(w, caller, 'expert')),
  },
  'POST /api/users/:userId/deactivate': {
    sample: post((w) => `/api/users/${w.target.userId}/deactivate`),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.user(w.target.userId),
  },
  'POST /api/users/:userId/reactivate': {
    sample: post((w) => `/api/users/${w.target.userId}/reactivate`),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.user(w.target.userId),
  },
  'GET /api/audit': { sample: get('/api/audit'), expected: organizerOnly(200), sees: 'own' },
};
