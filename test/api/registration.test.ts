import { describe, expect, it } from 'vitest';
import { emailMarker } from '../../shared/accounts/user-store';
import { keys } from '../../shared/store/keys';
import {
  apiHarness,
  errorOf,
  goodPassword,
  jsonRequest,
  registrationBody,
  seedInstitution,
  sessionCookie,
  tokenFromOutbox,
  uniqueEmail,
  validNip,
} from '../support/accounts';

const { deps, app } = apiHarness();
// Each registration from its own address unless a test says otherwise: registrations are limited per address.
const register = (body: unknown, headers: Record<string, string> = {}) =>
  app.request(
    '/api/institutions',
    jsonRequest('POST', body, { 'x-test-client-address': `192.0.2.${Math.random()}`, ...headers }),
  );

/** Nothing of a refused registration exists: no e-mail marker, no NIP marker. */
async function assertNothingCreated(email: string, nip: string) {
  expect(await deps.store.get(emailMarker(email), { consistent: true })).toBeNull();
  expect(await deps.store.get(keys.unique('nip', nip), { consistent: true })).toBeNull();
}

describe('institution self-registration', () => {
  it('creates the account, institution, markers, membership and audit entry together, and mails the confirmation link', async () => {
    const body = registrationBody();
    const res = await register(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true });
    const marker = await deps.store.get<{ userId: string }>(emailMarker(body.account.email), { consistent: true });
    const userId = marker!.userId;
    const institutionId = String((await deps.store.get(keys.user(userId), { consistent: true }))?.institutionId);

    const user = await deps.store.get(keys.user(userId), { consistent: true });
    expect(user).toMatchObject({
      email: body.account.email,
      roles: ['institution'],
      institutionId,
      status: 'active',
      emailVerified: false,
    });
    expect(String(user?.passwordHash)).toMatch(/^scrypt\$15\$8\$3\$/);
    expect(await deps.store.get(emailMarker(body.account.email.toUpperCase()), { consistent: true })).toMatchObject({
      userId,
    });
    expect(await deps.store.get(keys.unique('nip', body.institution.nip), { consistent: true })).toMatchObject({
      institutionId,
    });
    expect(await deps.store.get(keys.member(institutionId, userId), { consistent: true })).toMatchObject({ userId });
    expect(await deps.store.get(keys.institution(institutionId), { consistent: true })).toMatchObject({
      name: body.institution.name,
      nip: body.institution.nip,
      version: 1,
    });
    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('institution', institutionId),
      limit: 10,
    });
    expect(audit.items.map((i) => i.action)).toEqual(['institution.registered']);

    const token = await tokenFromOutbox(deps, body.account.email, 'verify-email');
    expect(token.length).toBeGreaterThan(20);
  });

  it('verify → login works; login before verifying is refused with EMAIL_NOT_VERIFIED (only with the right password)', async () => {
    const body = registrationBody();
    await register(body);
    const login = () =>
      app.request('/api/auth/login', jsonRequest('POST', { email: body.account.email, password: goodPassword }));
    expect((await errorOf(await login())).code).toBe('EMAIL_NOT_VERIFIED');
    const wrong = await app.request(
      '/api/auth/login',
      jsonRequest('POST', { email: body.account.email, password: 'wrong password 123' }),
    );
    expect((await errorOf(wrong)).code).toBe('INVALID_CREDENTIALS');

    const token = await tokenFromOutbox(deps, body.account.email, 'verify-email');
    expect((await app.request('/api/auth/verify-email', jsonRequest('POST', { token }))).status).toBe(204);
    // single use
    const again = await errorOf(await app.request('/api/auth/verify-email', jsonRequest('POST', { token })));
    expect(again).toMatchObject({ status: 400, code: 'INVALID_TOKEN' });
    expect(again.fields.token).toBeTruthy();

    const ok = await login();
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const me = await app.request('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: body.account.email },
      institution: { name: body.institution.name },
    });
  });

  it.each([
    ['an invalid NIP', registrationBody({ institution: { nip: '1234567890' } }), 'institution.nip'],
    ['an invalid REGON', registrationBody({ institution: { regon: '123456789' } }), 'institution.regon'],
    [
      'a bad postal code',
      registrationBody({
        institution: {
          address: {
            street: 'a',
            postalCode: '00950',
            city: 'x',
            commune: 'x',
            county: 'x',
            voivodeship: 'mazowieckie',
          },
        },
      }),
      'institution.address.postalCode',
    ],
    [
      'an unknown institution type',
      { ...registrationBody(), institution: { ...registrationBody().institution, type: 'castle' } },
      'institution.type',
    ],
    ['a malformed e-mail', registrationBody({ account: { email: 'not-an-email' } }), 'account.email'],
    ['a too short password', registrationBody({ account: { password: 'short' } }), 'account.password'],
    ['a common password', registrationBody({ account: { password: 'password1234' } }), 'account.password'],
  ])('refuses %s with a 400 naming the field, and creates nothing', async (_label, body, field) => {
    const res = await register(body);
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toContain(field);
    await assertNothingCreated(
      (body as ReturnType<typeof registrationBody>).account.email,
      (body as ReturnType<typeof registrationBody>).institution.nip,
    );
  });

  it('a short password is named with the other field errors in one answer (the form checks the same schema)', async () => {
    const body = registrationBody({ institution: { regon: '123456789' }, account: { password: 'short' } });
    const error = await errorOf(await register(body));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({
      'institution.regon': expect.stringContaining('REGON'),
      'account.password': 'Hasło musi mieć co najmniej 12 znaków.',
    });
    await assertNothingCreated(body.account.email, body.institution.nip);
  });

  it('field errors are in the request language', async () => {
    const body = registrationBody({ institution: { nip: '1234567890' } });
    const pl = await errorOf(await register(body));
    const en = await errorOf(await register(body, { 'accept-language': 'en' }));
    expect(pl.fields['institution.nip']).toContain('Nieprawidłowy NIP');
    expect(en.fields['institution.nip']).toContain('Invalid NIP');
  });

  it('a duplicate e-mail in any letter case gets the same 202 as a new one: nothing is written and the owner is told by mail', async () => {
    const first = registrationBody();
    const firstAnswer = await register(first);
    const second = registrationBody({ account: { email: first.account.email.toUpperCase() } });
    const secondAnswer = await register(second);
    expect([firstAnswer.status, secondAnswer.status]).toEqual([202, 202]);
    expect(await secondAnswer.json()).toEqual(await firstAnswer.json());
    expect(await deps.store.get(keys.unique('nip', second.institution.nip), { consistent: true })).toBeNull();
    const mails = (await deps.mail.list()).filter((m) => m.to.toLowerCase() === first.account.email.toLowerCase());
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Potwierdź adres e-mail — Przyjazny Urząd',
      'Próba rejestracji z tym adresem e-mail — Przyjazny Urząd',
    ]);
    const warning = mails.find((m) => m.subject.startsWith('Próba'));
    expect(warning?.text).toContain('https://konkurs.example.org/forgot-password');
  });

  it('registrations are limited per client address (10 an hour), whatever the outcome', async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const body = registrationBody();
      statuses.push((await register(body, { 'x-test-client-address': address })).status);
    }
    expect(statuses.slice(0, 10).filter((s) => s === 429)).toHaveLength(0);
    expect(statuses[10]).toBe(429);
  });

  it('a duplicate NIP (written with dashes) is a 409 naming institution.nip; the second e-mail is not taken', async () => {
    const first = registrationBody();
    expect((await register(first)).status).toBe(202);
    const n = first.institution.nip;
    const dashed = `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
    const second = registrationBody({ institution: { nip: dashed } });
    const error = await errorOf(await register(second));
    expect(error.status).toBe(409);
    expect(Object.keys(error.fields)).toEqual(['institution.nip']);
    expect(await deps.store.get(emailMarker(second.account.email), { consistent: true })).toBeNull();
  });

  it('two registrations racing for one NIP: exactly one wins', async () => {
    const nip = validNip();
    const results = await Promise.all([
      register(registrationBody({ institution: { nip } })),
      register(registrationBody({ institution: { nip } })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
  });
});

describe('institution profile and members', () => {
  it('an edit from a stale version is refused with 409 STALE_VERSION and overwrites nothing', async () => {
    const { institutionId, member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    const current = (await (
      await app.request(`/api/institutions/${institutionId}`, { headers: { cookie } })
    ).json()) as Record<string, unknown>;
    const { institutionId: _i, nip: _n, createdAt: _c, updatedAt: _u, ...profile } = current;
    const put = (changes: Record<string, unknown>) =>
      app.request(`/api/institutions/${institutionId}`, jsonRequest('PUT', { ...profile, ...changes }, { cookie }));
    const first = await put({ name: 'Urząd Miasta Pierwsza Zmiana', version: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: 'Urząd Miasta Pierwsza Zmiana', version: 2 });
    const stale = await errorOf(await put({ name: 'Druga zmiana z tej samej wersji', version: 1 }));
    expect(stale).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    expect(stale.message).toContain('w międzyczasie');
    expect(await deps.store.get(keys.institution(institutionId), { consistent: true })).toMatchObject({
      name: 'Urząd Miasta Pierwsza Zmiana',
      version: 2,
    });
    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('institution', institutionId),
      limit: 10,
    });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'institution.updated',
      before: { name: current.name },
      after: { name: 'Urząd Miasta Pierwsza Zmiana' },
    });
  });

  it('a member invites a colleague, who accepts, is signed in and sees the same institution', async () => {
    const { institutionId, member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    const email = uniqueEmail('colleague');
    deps.clock.advance(1000); // members are listed oldest first
    const invited = await app.request(
      `/api/institutions/${institutionId}/members`,
      jsonRequest('POST', { email, displayName: 'Ewa Nowak' }, { cookie }),
    );
    expect(invited.status).toBe(201);
    expect(await invited.json()).toMatchObject({ email, status: 'invited', institutionId });
    const members = (await (
      await app.request(`/api/institutions/${institutionId}/members`, { headers: { cookie } })
    ).json()) as { items: { email: string; status: string }[] };
    expect(members.items.map((m) => [m.email, m.status])).toEqual([
      [member.email, 'active'],
      [email, 'invited'],
    ]);

    const token = await tokenFromOutbox(deps, email, 'accept-invitation');
    const weak = await errorOf(
      await app.request('/api/auth/invitations/accept', jsonRequest('POST', { token, password: 'short' })),
    );
    expect(weak.fields.password).toBeTruthy();
    const accepted = await app.request(
      '/api/auth/invitations/accept',
      jsonRequest('POST', { token, password: goodPassword }),
    );
    expect(accepted.status).toBe(200);
    const colleagueCookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await (await app.request('/api/me', { headers: { cookie: colleagueCookie } })).json()) as {
      user: { status: string; emailVerified: boolean; institutionId: string };
    };
    expect(me.user).toMatchObject({ status: 'active', emailVerified: true, institutionId });
    expect(
      (await app.request(`/api/institutions/${institutionId}`, { headers: { cookie: colleagueCookie } })).status,
    ).toBe(200);
    // the invitation link is single use
    expect(
      (await app.request('/api/auth/invitations/accept', jsonRequest('POST', { token, password: goodPassword })))
        .status,
    ).toBe(400);
  });

  it('inviting an e-mail that already has an account is a 409 naming email', async () => {
    const { institutionId, member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    const error = await errorOf(
      await app.request(
        `/api/institutions/${institutionId}/members`,
        jsonRequest('POST', { email: member.email.toUpperCase(), displayName: 'X' }, { cookie }),
      ),
    );
    expect(error.status).toBe(409);
    expect(Object.keys(error.fields)).toEqual(['email']);
  });
});
