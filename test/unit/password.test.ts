import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPasswords } from '../../shared/accounts/common-passwords.generated';
import { loadFilteredList } from '../../shared/accounts/common-passwords.generate';
import { hashPassword, needsRehash, verifyPassword } from '../../shared/accounts/password-hash';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '../../shared/accounts/password-policy';

const FAST = { log2N: 10, r: 8, p: 1 }; // hashing cost is not under test here

describe('password policy', () => {
  it('requires the minimum length, counting characters not bytes', () => {
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toEqual(['too_short']);
    expect(passwordProblems('zażółć gęślą')).toEqual([]); // 12 characters, more bytes
  });

  it('allows long passphrases (no maximum below 64) and caps absurd ones', () => {
    expect(passwordProblems('korek '.repeat(30).slice(0, 180))).toEqual([]);
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(['too_long']);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
  });

  it('refuses common passwords in any letter case', () => {
    expect(passwordProblems('000000000000')).toEqual(['common']);
    expect(passwordProblems('012345678910')).toEqual(['common']);
    const sample = commonPasswords[100] ?? '';
    expect(passwordProblems(sample.toUpperCase())).toContain('common');
  });

  it('refuses a password containing the e-mail name', () => {
    expect(passwordProblems('sekretariat-2026!', { email: 'sekretariat@gmina.pl' })).toEqual(['contains_email']);
  });

  it('the shipped list is exactly the package list filtered to our minimum length', () => {
    expect([...commonPasswords]).toEqual(loadFilteredList());
    expect(commonPasswords.length).toBeGreaterThan(500);
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects others', async () => {
    const hash = await hashPassword('Przyjazny Urząd 2026', FAST);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('Przyjazny Urząd 2026', hash)).toBe(true);
    expect(await verifyPassword('przyjazny urząd 2026', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here', FAST)).not.toBe(await hashPassword('same password here', FAST));
  });

  it('garbage stored hashes never verify and never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (stored) => (await verifyPassword('x', stored)) === false),
      { numRuns: 200 },
    );
    expect(await verifyPassword('x', 'scrypt$40$8$1$c2FsdA$a2V5')).toBe(false); // absurd N refused, not attempted
  });

  it('flags hashes made with weaker parameters for rehash', async () => {
    const weak = await hashPassword('a long passphrase', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
  });

  it('the default parameters verify within the memory limit', async () => {
    const hash = await hashPassword('default parameters work');
    expect(await verifyPassword('default parameters work', hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
  });
});
