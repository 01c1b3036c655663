import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountMail } from '../../shared/accounts/account-mail';
import {
  blockAfterFailure,
  blockDelayMs,
  type Counter,
  IN_FLIGHT_MS,
  limits,
  refusal,
} from '../../shared/limits/limits';
import {
  formatSessionToken,
  newSessionSecret,
  parseSessionToken,
  sessionSecretHash,
  sessionSecretMatches,
} from '../../shared/accounts/session-token';
import { changedFields } from '../../shared/audit/audit';
import { keys } from '../../shared/store/keys';

describe('session token', () => {
  const token = { userId: '01ABCDEF', sessionId: '01SESSION', secret: newSessionSecret() };

  it('round-trips and carries a 256-bit random secret, different every time', () => {
    expect(parseSessionToken(formatSessionToken(token))).toEqual(token);
    expect(Buffer.from(token.secret, 'base64url')).toHaveLength(32);
    expect(new Set(Array.from({ length: 50 }, newSessionSecret)).size).toBe(50);
  });

  it('matches only its own secret, by the stored hash, never the hash itself or nothing', () => {
    const stored = sessionSecretHash(token.secret);
    expect(stored).not.toBe(token.secret);
    expect(sessionSecretMatches(token.secret, stored)).toBe(true);
    expect(sessionSecretMatches(newSessionSecret(), stored)).toBe(false);
    expect(sessionSecretMatches(token.secret, undefined)).toBe(false); // a session stored before secrets
    expect(sessionSecretMatches(stored.slice(0, 43), stored)).toBe(false);
  });

  it('any single-character change of the secret is refused (property)', () => {
    const stored = sessionSecretHash(token.secret);
    fc.assert(
      fc.property(fc.nat({ max: token.secret.length - 1 }), fc.constantFrom(...'ABCxyz019-_'), (at, ch) => {
        fc.pre(token.secret[at] !== ch);
        const changed = token.secret.slice(0, at) + ch + token.secret.slice(at + 1);
        expect(sessionSecretMatches(changed, stored)).toBe(false);
      }),
    );
  });

  it('refuses malformed tokens, including the HMAC-signed ones of before, and never throws', () => {
    const signedBefore = `${token.userId}.${token.sessionId}.1900000000.${'a'.repeat(43)}`;
    for (const bad of ['', '..', signedBefore, `${token.userId}.${token.sessionId}.short`, `a b.c.${token.secret}`])
      expect(parseSessionToken(bad)).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => parseSessionToken(s) === null || s.split('.').length === 3));
  });
});

describe('attempt limits (pure rules)', () => {
  const rule = limits.loginAccount;
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  const counter = (attempts: number, level = 0, blockedUntil = 0, lastAttemptAt = t0): Counter => ({
    attempts,
    level,
    blockedUntil,
    lastAttemptAt,
  });

  it('blocks for 30 s when the fifth attempt fails, doubling per block, capped at 15 min', () => {
    expect(blockAfterFailure(rule, 4, 0, t0)).toBeNull();
    expect(blockAfterFailure(rule, 5, 0, t0)).toEqual({
      next: { attempts: 4, level: 1, blockedUntil: t0 + 30_000 },
      burst: true,
    });
    expect(blockAfterFailure(rule, 5, 1, t0)).toEqual({
      next: { attempts: 4, level: 2, blockedUntil: t0 + 60_000 },
      burst: false,
    });
    expect(blockDelayMs(rule, 30)).toBe(rule.maxDelayMs);
  });

  it('a refused reservation waits out a block, or the attempt in flight, and rewrites stale counters', () => {
    expect(refusal(rule, counter(4, 1, t0 + 20_000), t0)).toEqual({ waitMs: 20_000 });
    expect(refusal(rule, counter(5, 0, 0, t0 - 5_000), t0)).toEqual({ waitMs: IN_FLIGHT_MS - 5_000 });
    // The attempt that took the last free place never finished (a crash): written off as a failure.
    expect(refusal(rule, counter(5, 2, 0, t0 - IN_FLIGHT_MS), t0)).toEqual({ rewrite: { attempts: 4, level: 2 } });
    expect(refusal(rule, counter(5, 3, 0, t0 - rule.windowMs), t0)).toEqual({ rewrite: { attempts: 0, level: 0 } });
    expect(refusal(rule, null, t0)).toEqual({ rewrite: { attempts: 0, level: 0 } });
  });

  it('the wait is never negative and never above the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100 }),
        fc.nat({ max: 40 }),
        fc.integer({ min: -1e7, max: 1e8 }),
        fc.integer({ min: -1e7, max: 1e8 }),
        (attempts, level, blockOffset, dt) => {
          const blockedUntil = Math.max(0, t0 + Math.min(blockOffset, rule.maxDelayMs));
          const verdict = refusal(rule, counter(attempts, level, blockedUntil), t0 + dt);
          return 'rewrite' in verdict || (verdict.waitMs > 0 && verdict.waitMs <= rule.maxDelayMs + IN_FLIGHT_MS);
        },
      ),
    );
  });

  it('a burst starts exactly once, at the first block', () => {
    expect([0, 1, 2].map((level) => blockAfterFailure(rule, 5, level, t0)?.burst)).toEqual([true, false, false]);
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
