import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { warsawToday } from '../../shared/audit/audit-day';
import { limits } from '../../shared/limits/limits';
import { parseJson, type Reply, send, sendJson, sessionCookie } from '../support/loopback-client';
import { latestDemoAccount, platformPerFile, runTag } from '../support/security-platform';

/**
 * Issue 11, item 3: locally every client used to be "unknown" — one attacker's failed logins locked
 * everybody out, and the audit could not say where anything came from. Two loopback source addresses
 * must count as two clients, and the audit must show the real one.
 */
const platform = platformPerFile();
const attacker = '127.0.0.10';
const bystander = '127.0.0.20';

const ErrorBody = z.object({ error: z.object({ code: z.string() }) });
const AuditPage = z.object({
  items: z.array(z.object({ action: z.string(), ip: z.optional(z.string()), details: z.optional(z.unknown()) })),
});

describe('the local server sees each client by its own address', () => {
  const login = (from: string, email: string, password = 'wrong-password-123') =>
    sendJson(`${platform().baseUrl}/api/auth/login`, { email, password }, { from });

  it('a stranger’s failed logins from one address do not limit another address, and the audit names the address', async () => {
    const tag = runTag();
    // Five failures on one account start a burst, which the audit records with the client address.
    const target = `target-${tag}@example.org`;
    for (let i = 0; i < limits.loginAccount.freeAttempts; i++) expect((await login(attacker, target)).status).toBe(401);
    // Then the attacker's address runs out of free failures, each on another (unknown) e-mail, so
    // only the per-address limit can stop it (bounded: a few tries past the limit at most).
    const statuses: number[] = [];
    let limited: Reply | undefined;
    for (let i = 0; i < limits.loginAddress.freeAttempts + 3 && !limited; i++) {
      const reply = await login(attacker, `probe-${i}-${tag}@example.org`);
      statuses.push(reply.status);
      if (reply.status === 429) limited = reply;
    }
    expect(limited, statuses.join(' ')).toBeDefined();
    expect(parseJson(limited!, ErrorBody).error.code).toBe('RATE_LIMITED');
    expect(
      statuses.slice(0, -1).every((s) => s === 401),
      statuses.join(' '),
    ).toBe(true);
    // It stays limited…
    expect((await login(attacker, `one-more-${tag}@example.org`)).status).toBe(429);

    // …while another address is a different client: its failure is an ordinary 401, its login works.
    const other = await login(bystander, `someone-${tag}@example.org`);
    expect(other.status, other.body).toBe(401);
    const organizer = latestDemoAccount(platform().output(), 'organizer');
    expect(organizer, platform().output()).not.toBeNull();
    const session = await login(bystander, organizer!.email, organizer!.password);
    expect(session.status, session.body).toBe(200);

    // The audit lists Polish days: between 23:00 and 24:00 UTC (22:00 in summer) that is tomorrow's UTC date.
    const day = warsawToday(new Date());
    const audit = await send(`${platform().baseUrl}/api/audit?day=${day}&limit=100`, {
      from: bystander,
      headers: { cookie: sessionCookie(session) },
    });
    expect(audit.status, audit.body).toBe(200);
    const bursts = parseJson(audit, AuditPage).items.filter((e) => e.action === 'security.loginFailureBurst');
    expect(bursts.map((e) => e.ip)).toContain(attacker);
    expect(bursts.map((e) => e.ip)).not.toContain('unknown');
  });
});
