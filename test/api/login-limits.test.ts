import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { limits } from '../../shared/limits/limits';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, jsonRequest, seedUser, uniqueEmail } from '../support/accounts';
import { countingDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';

/**
 * Issue 11, items 1 and 2: an attempt is reserved before the password is checked (a parallel burst
 * evaluates at most the free attempts), and a known device is exempt from the per-account lockout.
 */
const { deps, app } = apiHarness();
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const login = async (email: string, password: string, from = address(), cookie?: string): Promise<Response> =>
  app.request(
    '/api/auth/login',
    jsonRequest('POST', { email, password }, { 'x-test-client-address': from, ...(cookie ? { cookie } : {}) }),
  );
const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);
const deviceCookieOf = (res: Response) => setCookies(res).find((c) => c.startsWith('__Host-device='));

describe('login limits under parallel attempts', () => {
  it('40 parallel attempts (39 wrong, the right one last) evaluate at most 5 passwords; the rest are 429', async () => {
    const { user, password } = await seedUser(deps, { role: 'institution' });
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 39 ? password : `wrong-password-${i}`));
    const statuses: number[] = await Promise.all(attempts.map((p) => login(user.email, p).then((r) => r.status)));
    const evaluated = statuses.filter((s) => s === 200 || s === 401).length;
    expect(evaluated).toBeLessThanOrEqual(limits.loginAccount.freeAttempts);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - limits.loginAccount.freeAttempts);
    expect(statuses.every((s) => [200, 401, 429].includes(s))).toBe(true);
  });

  it('40 parallel attempts from one address across many accounts evaluate at most the address limit', async () => {
    const from = address();
    const statuses: number[] = await Promise.all(
      Array.from({ length: 40 }, () => login(uniqueEmail('spray'), 'whatever-password', from).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(limits.loginAddress.freeAttempts);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - limits.loginAddress.freeAttempts);
    // 30+ scrypt checks (N=2^15): seconds each on a busy 2-core machine; the work, not a wait.
  }, 180_000);
});

describe('known devices (OWASP device cookie)', () => {
  it('a stranger’s wrong passwords lock out unknown browsers, not the browser the user signed in on before', async () => {
    const { user, password } = await seedUser(deps, { role: 'institution' });
    const first = await login(user.email, password);
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);
    expect(device).toMatch(/^__Host-device=[0-9A-Za-z_-]+\.[0-9a-f]{32}\.\d+\.[\w-]+$/);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('__Host-device='))).toMatch(
      /HttpOnly.*Secure.*SameSite=Strict|HttpOnly.*SameSite=Strict.*Secure|Secure.*HttpOnly.*SameSite=Strict/i,
    );

    for (let i = 0; i < 8; i++) await login(user.email, `stranger-guess-${i}`);
    expect((await login(user.email, password)).status).toBe(429); // an unknown browser waits
    const known = await login(user.email, password, address(), device);
    expect(known.status).toBe(200); // the user's own browser does not
    expect(deviceCookieOf(known)?.split('.')[0]).toBe(device!.split('.')[0]); // same device, renewed
  });

  it('a device token is worth nothing for another account, or when altered', async () => {
    const a = await seedUser(deps, { role: 'institution' });
    const b = await seedUser(deps, { role: 'institution' });
    const deviceOfA = deviceCookieOf(await login(a.user.email, a.password))!;
    for (let i = 0; i < 6; i++) await login(b.user.email, `guess-${i}`);
    expect((await login(b.user.email, b.password, address(), deviceOfA)).status).toBe(429);
    const [name, value] = deviceOfA.split('=') as [string, string];
    const parts = value.split('.');
    const altered = `${name}=${[parts[0], parts[1], String(Number(parts[2]) + 1), parts[3]].join('.')}`;
    for (let i = 0; i < 6; i++) await login(a.user.email, `guess-${i}`);
    expect((await login(a.user.email, a.password, address(), altered)).status).toBe(429);
    expect((await login(a.user.email, a.password, address(), deviceOfA)).status).toBe(200);
  });

  it('a known device has a limit of its own: five wrong passwords from it block it', async () => {
    const { user, password } = await seedUser(deps, { role: 'expert' });
    const device = deviceCookieOf(await login(user.email, password))!;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(user.email, `oops-${i}`, address(), device)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login(user.email, password, address(), device)).status).toBe(429);
    // …while the account itself is not locked for other browsers.
    expect((await login(user.email, password)).status).toBe(200);
  });

  it('one browser keeps tokens for several accounts (a shared office computer)', async () => {
    const a = await seedUser(deps, { role: 'institution' });
    const b = await seedUser(deps, { role: 'institution' });
    const first = deviceCookieOf(await login(a.user.email, a.password))!;
    const both = deviceCookieOf(await login(b.user.email, b.password, address(), first))!;
    expect(both.split('~')).toHaveLength(2);
    for (let i = 0; i < 6; i++) await login(a.user.email, `guess-${i}`);
    expect((await login(a.user.email, a.password, address(), both)).status).toBe(200);
  });
});

describe('what an honest login costs', () => {
  it('at most 6 DynamoDB calls (one more than before the reservation: the second counter)', async () => {
    const { client, calls } = countingDynamo();
    const counted = testDeps({ dynamo: client, tableName: testTableName() });
    const countedApp = createApp(counted);
    const { user, password } = await seedUser(counted, { role: 'expert' });
    // The first login upgrades the seeded (cheap) password hash; the honest logins counted are the next ones.
    expect(
      (await countedApp.request('/api/auth/login', jsonRequest('POST', { email: user.email, password }))).status,
    ).toBe(200);
    calls.length = 0;
    const res = await countedApp.request(
      '/api/auth/login',
      jsonRequest('POST', { email: user.email, password }, { 'x-test-client-address': address() }),
    );
    expect(res.status).toBe(200);
    // Was 5: BatchGet of the counters, marker, account, counter delete, session. Now the two counters are
    // reserved by two conditional updates (in parallel) instead of one read.
    expect(calls).toEqual(['UpdateItem', 'UpdateItem', 'GetItem', 'GetItem', 'DeleteItem', 'PutItem']);
    const device = deviceCookieOf(res)!;
    calls.length = 0;
    const again = await countedApp.request(
      '/api/auth/login',
      jsonRequest('POST', { email: user.email, password }, { 'x-test-client-address': address(), cookie: device }),
    );
    expect(again.status).toBe(200);
    expect(calls).toEqual(['UpdateItem', 'GetItem', 'GetItem', 'DeleteItem', 'PutItem']); // one counter: the device's
  });

  it('the counters store no e-mail or address in clear and expire', async () => {
    const { user } = await seedUser(deps, { role: 'expert' });
    const from = address();
    expect((await errorOf(await login(user.email, 'not-the-password', from))).code).toBe('INVALID_CREDENTIALS');
    const { counterKey } = await import('../../shared/limits/limit-store');
    const item = await deps.store.get(counterKey('loginAccount', user.email.toLowerCase()), { consistent: true });
    expect(item).toMatchObject({ attempts: 1 });
    expect(JSON.stringify(item)).not.toContain(user.email);
    expect(JSON.stringify(item)).not.toContain(from);
    expect(Number(item?.expiresAt)).toBeGreaterThan(deps.clock.now().getTime() / 1000);
    expect(keys.rateCounter('x', 'y').pk).toBe('RATE#x#y');
  });
});
