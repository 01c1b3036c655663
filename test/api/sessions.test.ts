import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../shared/accounts/session';
import { limits } from '../../shared/limits/limits';
import { keys } from '../../shared/store/keys';
import {
  apiHarness,
  errorOf,
  goodPassword,
  jsonRequest,
  seedInstitution,
  seedUser,
  sessionCookie,
  tokenFromOutbox,
  uniqueEmail,
} from '../support/accounts';

const { deps, app } = apiHarness();
const login = (email: string, password: string, address = '198.51.100.7') =>
  app.request('/api/auth/login', jsonRequest('POST', { email, password }, { 'x-test-client-address': address }));
const me = (cookie: string) => app.request('/api/me', { headers: { cookie } });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const uniqueAddress = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;

describe('login', () => {
  it('wrong password and unknown e-mail give the identical answer', async () => {
    const { user } = await seedUser(deps, { role: 'expert' });
    const wrong = await errorOf(await login(user.email, 'not the password at all', uniqueAddress()));
    const unknown = await errorOf(await login(uniqueEmail('nobody'), 'not the password at all', uniqueAddress()));
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect({ ...unknown }).toEqual({ ...wrong });
  });

  it('is case-insensitive in the e-mail and upgrades a weak stored hash', async () => {
    const { user, password } = await seedUser(deps, { role: 'expert' });
    const res = await login(user.email.toUpperCase(), password, uniqueAddress());
    expect(res.status).toBe(200);
    expect(String((await deps.store.get(keys.user(user.userId), { consistent: true }))?.passwordHash)).toMatch(
      /^scrypt\$15\$/,
    );
  });

  it('invited and deactivated accounts cannot log in, with the same answer as a wrong password', async () => {
    const { user: invited } = await seedUser(deps, { role: 'expert', status: 'invited' });
    const { user: gone, password } = await seedUser(deps, { role: 'expert', status: 'deactivated' });
    expect((await errorOf(await login(invited.email, goodPassword, uniqueAddress()))).code).toBe('INVALID_CREDENTIALS');
    expect((await errorOf(await login(gone.email, password, uniqueAddress()))).code).toBe('INVALID_CREDENTIALS');
  });

  it('per account: after 5 failures the 6th attempt waits (429 + Retry-After), even with the right password; the delay doubles; a burst is audited', async () => {
    const { user, password } = await seedUser(deps, { role: 'institution' });
    for (let i = 0; i < 5; i++)
      expect((await login(user.email, `wrong-${i}-password`, uniqueAddress())).status).toBe(401);
    const limited = await login(user.email, password, uniqueAddress());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await errorOf(limited)).message).toContain('30 s');

    deps.clock.advance(31_000);
    expect((await login(user.email, 'wrong-again-password', uniqueAddress())).status).toBe(401); // 6th failure
    const second = await login(user.email, password, uniqueAddress());
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('60');
    deps.clock.advance(61_000);
    expect((await login(user.email, password, uniqueAddress())).status).toBe(200);

    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('user', user.userId),
      limit: 10,
    });
    expect(audit.items.filter((e) => e.action === 'security.loginFailureBurst')).toHaveLength(1);
  });

  it('the limit applies to unknown e-mails exactly as to known ones', async () => {
    const email = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++) expect((await login(email, 'whatever-password', uniqueAddress())).status).toBe(401);
    expect((await login(email, 'whatever-password', uniqueAddress())).status).toBe(429);
  });

  it('per client address: 30 attempts across many e-mails delay that address only', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < limits.loginAddress.freeAttempts; i++)
      await login(uniqueEmail('spray'), 'whatever-password', address);
    const { user, password } = await seedUser(deps, { role: 'expert' });
    expect((await login(user.email, password, address)).status).toBe(429);
    expect((await login(user.email, password, uniqueAddress())).status).toBe(200);
    // 30+ scrypt checks (N=2^15): seconds each on a busy 2-core machine; the work, not a wait.
  }, 180_000);
});

describe('sessions', () => {
  it('a tampered, forged or garbage token is anonymous (401 on a signed-in route)', async () => {
    const { user } = await seedUser(deps, { role: 'organizer' });
    const cookie = await sessionCookie(deps, user.userId);
    expect((await me(cookie)).status).toBe(200);
    const [uid, sid, secret] = cookie.split('=')[1]!.split('.');
    const other = (await sessionCookie(deps, user.userId)).split('=')[1]!.split('.');
    const tampered = [
      `${uid}.${sid}.${secret!.slice(0, -2)}AA`, // altered secret
      `${uid}.${sid}.${other[2]}`, // the secret of the same account's other session
      `${uid}.${other[1]}.${secret}`, // this secret on the other session
      `${deps.ids.newId()}.${sid}.${secret}`, // someone else's id
      `${uid}.${sid}.1900000000.${secret}`, // the signed format of before
      'garbage',
      '',
    ];
    for (const t of tampered) expect((await me(`__Host-session=${t}`)).status).toBe(401);
  });

  it('the stored session holds only the hash of the secret, and a session stored without one is refused', async () => {
    const { user } = await seedUser(deps, { role: 'organizer' });
    const cookie = await sessionCookie(deps, user.userId);
    const [, sid, secret] = cookie.split('=')[1]!.split('.');
    const stored = await deps.store.get(keys.session(user.userId, sid!), { consistent: true });
    expect(stored?.secretHash).toEqual(createHash('sha256').update(secret!).digest('base64url'));
    expect(JSON.stringify(stored)).not.toContain(secret);
    // A session from before secrets (HMAC-signed cookies) has no hash: it matches nothing.
    const { secretHash: _, ...before } = stored!;
    await deps.store.put(before as never);
    expect((await me(cookie)).status).toBe(401);
  });

  it('ends after the idle time without requests, and after the absolute time even when active', async () => {
    const { user } = await seedUser(deps, { role: 'expert' });
    const idle = await sessionCookie(deps, user.userId);
    deps.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await me(idle)).status).toBe(200); // activity moves the idle deadline
    deps.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await me(idle)).status).toBe(200);
    deps.clock.advance(SESSION_IDLE_MS);
    expect((await me(idle)).status).toBe(401);

    const busy = await sessionCookie(deps, user.userId);
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) {
      expect((await me(busy)).status).toBe(200);
      deps.clock.advance(SESSION_IDLE_MS / 2);
    }
    expect((await me(busy)).status).toBe(401);
  });

  it('logout revokes the session server-side: replaying the old cookie is refused', async () => {
    const { user, password } = await seedUser(deps, { role: 'expert' });
    const signedIn = await login(user.email, password, uniqueAddress());
    const cookie = cookieOf(signedIn);
    // Beside the HttpOnly session: a readable "signed in here" hint with no secret in it and the same
    // lifetime, so the web app asks /api/me only when there may be a session (issue 16 §8).
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
    const hint = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-signedin='));
    expect(hint).toMatch(/^__Host-signedin=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/Secure/);
    expect(hint).toMatch(/Path=\//);
    expect(hint?.match(/Max-Age=\d+/)?.[0]).toBe(session.match(/Max-Age=\d+/)?.[0]);
    const out = await app.request('/api/auth/logout', jsonRequest('POST', {}, { cookie }));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/__Host-session=;.*Max-Age=0/);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('__Host-signedin='))).toMatch(/Max-Age=0/);
    expect((await me(cookie)).status).toBe(401);
  });

  it('log out everywhere ends every session of the account and only of that account', async () => {
    const { user } = await seedUser(deps, { role: 'expert' });
    const { user: other } = await seedUser(deps, { role: 'expert' });
    const [a, b, c] = [
      await sessionCookie(deps, user.userId),
      await sessionCookie(deps, user.userId),
      await sessionCookie(deps, other.userId),
    ];
    const res = await app.request('/api/auth/logout-everywhere', jsonRequest('POST', {}, { cookie: a }));
    expect(await res.json()).toEqual({ ended: 2 });
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await me(c)).status).toBe(200);
  });

  it('deactivation ends the sessions at once; the account cannot log in; reactivation lets it log in again', async () => {
    const { user, password } = await seedUser(deps, { role: 'expert' });
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const theirs = cookieOf(await login(user.email, password, uniqueAddress()));
    const admin = await sessionCookie(deps, organizer.userId);
    const res = await app.request(`/api/users/${user.userId}/deactivate`, jsonRequest('POST', {}, { cookie: admin }));
    expect(res.status).toBe(200);
    expect((await me(theirs)).status).toBe(401);
    expect((await login(user.email, password, uniqueAddress())).status).toBe(401);
    deps.clock.advance(1000); // audit entries are ordered by time
    expect(
      (await app.request(`/api/users/${user.userId}/reactivate`, jsonRequest('POST', {}, { cookie: admin }))).status,
    ).toBe(200);
    expect((await login(user.email, password, uniqueAddress())).status).toBe(200);
    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('user', user.userId),
      limit: 10,
    });
    expect(
      audit.items.map((e) => [
        e.action,
        (e.before as { status: string }).status,
        (e.after as { status: string }).status,
      ]),
    ).toEqual([
      ['user.deactivated', 'active', 'deactivated'],
      ['user.reactivated', 'deactivated', 'active'],
    ]);
  });

  it('a session whose account is deactivated behind its back is refused even before its item is deleted', async () => {
    const { user } = await seedUser(deps, { role: 'expert' });
    const cookie = await sessionCookie(deps, user.userId);
    await deps.store.update(keys.user(user.userId), {
      expression: 'SET #s = :d',
      names: { '#s': 'status' },
      values: { ':d': 'deactivated' },
    });
    expect((await me(cookie)).status).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a single-use link; completing it changes the password and ends every session', async () => {
    const { user, password } = await seedUser(deps, { role: 'institution' });
    const old = await sessionCookie(deps, user.userId);
    expect(
      (await app.request('/api/auth/password-reset', jsonRequest('POST', { email: user.email.toUpperCase() }))).status,
    ).toBe(202);
    const token = await tokenFromOutbox(deps, user.email, 'reset-password');
    const weak = await errorOf(
      await app.request('/api/auth/password-reset/complete', jsonRequest('POST', { token, password: 'abc' })),
    );
    expect(weak.fields.password).toContain('12');
    const newPassword = 'Nowe hasło do konkursu 2026';
    expect(
      (await app.request('/api/auth/password-reset/complete', jsonRequest('POST', { token, password: newPassword })))
        .status,
    ).toBe(204);
    expect((await me(old)).status).toBe(401);
    expect((await login(user.email, password, uniqueAddress())).status).toBe(401);
    expect((await login(user.email, newPassword, uniqueAddress())).status).toBe(200);
    const reused = await errorOf(
      await app.request(
        '/api/auth/password-reset/complete',
        jsonRequest('POST', { token, password: 'Jeszcze inne hasło 2026' }),
      ),
    );
    expect(reused.code).toBe('INVALID_TOKEN');
  });

  it('an expired link is refused', async () => {
    const { user } = await seedUser(deps, { role: 'institution' });
    await app.request('/api/auth/password-reset', jsonRequest('POST', { email: user.email }));
    const token = await tokenFromOutbox(deps, user.email, 'reset-password');
    deps.clock.advance(60 * 60 * 1000 + 1000);
    expect(
      (
        await errorOf(
          await app.request(
            '/api/auth/password-reset/complete',
            jsonRequest('POST', { token, password: 'Nowe hasło do konkursu 2026' }),
          ),
        )
      ).code,
    ).toBe('INVALID_TOKEN');
  });

  it('an unknown address gets the same 202 and no mail; mails to one address are capped, known or not', async () => {
    const reset = (email: string, address = uniqueAddress()) =>
      app.request('/api/auth/password-reset', jsonRequest('POST', { email }, { 'x-test-client-address': address }));
    const before = (await deps.mail.list()).length;
    const nobody = uniqueEmail('nobody');
    expect((await reset(nobody)).status).toBe(202);
    expect((await deps.mail.list()).length).toBe(before);

    const { user } = await seedUser(deps, { role: 'institution' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await reset(user.email)).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect((await deps.mail.list()).filter((m) => m.to === user.email)).toHaveLength(3);
    // The same for an address without an account: the cap says nothing about who has one.
    expect([(await reset(nobody)).status, (await reset(nobody)).status, (await reset(nobody)).status]).toEqual([
      202, 202, 429,
    ]);
  });

  it('one client address asks for at most 10 account e-mails an hour, whatever the recipients', async () => {
    const address = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const path = i % 2 === 0 ? '/api/auth/password-reset' : '/api/auth/verify-email/resend';
      const res = await app.request(
        path,
        jsonRequest('POST', { email: uniqueEmail('spray') }, { 'x-test-client-address': address }),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('own profile', () => {
  it('changes name and language with optimistic locking', async () => {
    const { member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    const ok = await app.request(
      '/api/me',
      jsonRequest('PUT', { displayName: 'Nowe Imię', language: 'en', version: 1 }, { cookie }),
    );
    expect(await ok.json()).toMatchObject({ user: { displayName: 'Nowe Imię', language: 'en', version: 2 } });
    const stale = await errorOf(
      await app.request('/api/me', jsonRequest('PUT', { displayName: 'Inne', language: 'pl', version: 1 }, { cookie })),
    );
    expect(stale).toMatchObject({ status: 409, code: 'STALE_VERSION' });
  });
});
