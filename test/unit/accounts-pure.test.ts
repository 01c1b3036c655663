import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountMail } from '../../shared/accounts/account-mail';
import { limits, startsBurst, waitMs } from '../../shared/accounts/rate-limit';
import { signSessionToken, verifySessionToken } from '../../shared/accounts/session-token';
import { changedFields } from '../../shared/audit/audit';
import { keys } from '../../shared/store/keys';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);

describe('session token', () => {
  const claims = { userId: '01ABCDEF', sessionId: '01SESSION', expiresAt: 2_000_000_000 };

  it('round-trips while unexpired and is refused at and after its expiry', () => {
    const token = signSessionToken(key, claims);
    expect(verifySessionToken(key, token, claims.expiresAt - 1)).toEqual(claims);
    expect(verifySessionToken(key, token, claims.expiresAt)).toBeNull();
  });

  it('is refused under another key', () => {
    expect(verifySessionToken(otherKey, signSessionToken(key, claims), 0)).toBeNull();
  });

  it('any single-character change is refused (property)', () => {
    const token = signSessionToken(key, claims);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCxyz019-_.'), (at, ch) => {
        fc.pre(token[at] !== ch);
        const changed = token.slice(0, at) + ch + token.slice(at + 1);
        expect(verifySessionToken(key, changed, 0)).toBeNull();
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (s) => verifySessionToken(key, s, 0) === null));
  });
});

describe('rate-limit rule', () => {
  const rule = limits.loginAccount;
  const at = (failures: number, lastFailureAt = '2026-01-01T00:00:00.000Z') => ({ failures, lastFailureAt });
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');

  it('no wait below the free failures, then 30 s doubling per failure, capped', () => {
    expect(waitMs(rule, null, t0)).toBe(0);
    expect(waitMs(rule, at(4), t0)).toBe(0);
    expect(waitMs(rule, at(5), t0)).toBe(30_000);
    expect(waitMs(rule, at(6), t0)).toBe(60_000);
    expect(waitMs(rule, at(7), t0 + 10_000)).toBe(110_000);
    expect(waitMs(rule, at(30), t0)).toBe(rule.maxDelayMs);
  });

  it('forgets after the window', () => {
    expect(waitMs(rule, at(9), t0 + rule.windowMs)).toBe(0);
  });

  it('the wait is never negative and never above the cap (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100 }), fc.integer({ min: -1e7, max: 1e8 }), (failures, dt) => {
        const w = waitMs(rule, at(failures), t0 + dt);
        return w >= 0 && w <= rule.maxDelayMs;
      }),
    );
  });

  it('a burst starts exactly once, at the first delayed failure', () => {
    expect([4, 5, 6].map((n) => startsBurst(rule, n))).toEqual([false, true, false]);
  });
});

describe('account e-mails', () => {
  it('are written in the recipient’s language and carry the link', () => {
    const link = 'https://konkurs.example.org/verify-email?token=abc';
    const pl = accountMail({ email: 'a@b.pl', displayName: 'Anna', language: 'pl' }, { kind: 'verifyEmail', link });
    const en = accountMail({ email: 'a@b.pl', displayName: 'Anna', language: 'en' }, { kind: 'verifyEmail', link });
    expect(pl.subject).toContain('Potwierdź');
    expect(en.subject).toContain('Confirm');
    expect(pl.text).toContain(link);
    expect(en.text).toContain(link);
    const invitation = accountMail(
      { email: 'a@b.pl', displayName: 'Ewa', language: 'pl' },
      { kind: 'invitation', link, role: 'institution', institutionName: 'Urząd Gminy X', invitedBy: 'Jan' },
    );
    expect(invitation.text).toContain('„Urząd Gminy X”');
    expect(invitation.text).toContain('zaprasza: Jan');
  });
});

describe('audit before/after', () => {
  it('keeps only what changed', () => {
    expect(changedFields({ a: 1, b: { x: 1 }, c: 'same' }, { a: 2, b: { x: 1 }, c: 'same', d: true })).toEqual({
      before: { a: 1, d: undefined },
      after: { a: 2, d: true },
    });
  });
});

describe('unique marker keys', () => {
  it('accept any e-mail, even one with the key separator', () => {
    expect(keys.unique('email', 'a#b@example.org').pk).toBe('UNIQUE#email#a%23b%40example.org');
  });
});
