import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNip, normalizeNip } from '../../shared/institutions/nip';
import { isValidRegon } from '../../shared/institutions/regon';

/*
 * Reference checks written independently of the implementation (different algorithm shape: string
 * arithmetic over char codes, explicit loops, the GUS definitions restated), used as property oracles.
 */
function referenceNip(s: string): boolean {
  if (s.length !== 10) return false;
  const w = '657234567';
  let total = 0;
  for (let i = 0; i < 9; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    total += c * (w.charCodeAt(i) - 48);
  }
  const last = s.charCodeAt(9) - 48;
  if (last < 0 || last > 9) return false;
  const r = total - Math.floor(total / 11) * 11;
  return r < 10 && r === last;
}

function referenceRegonChecksum(s: string, w: number[]): boolean {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += (s.charCodeAt(i) - 48) * (w[i] ?? 0);
  let r = total % 11;
  if (r === 10) r = 0;
  return r === s.charCodeAt(w.length) - 48;
}

function referenceRegon(s: string): boolean {
  for (const ch of s) if (ch < '0' || ch > '9') return false;
  if (s.length === 9) return referenceRegonChecksum(s, [8, 9, 2, 3, 4, 5, 6, 7]);
  if (s.length === 14) {
    return (
      referenceRegonChecksum(s.slice(0, 9), [8, 9, 2, 3, 4, 5, 6, 7]) &&
      referenceRegonChecksum(s, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8])
    );
  }
  return false;
}

const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Completes 9 digits with the correct NIP check digit, or null when no digit is valid (sum ≡ 10). */
function withNipCheck(nine: string): string | null {
  for (let d = 0; d <= 9; d++) if (referenceNip(`${nine}${d}`)) return `${nine}${d}`;
  return null;
}

describe('NIP', () => {
  it.each(['5261040828', '526-104-08-28', '7740001454', 'PL 526 104 08 28'])('accepts the real NIP %s', (nip) => {
    expect(isValidNip(nip)).toBe(true);
  });

  it.each(['5261040827', '123456789', '12345678901', 'abcdefghij', '', '0000000001'])('rejects %j', (nip) => {
    expect(isValidNip(nip)).toBe(false);
  });

  it('agrees with the reference on any 10 digits', () => {
    fc.assert(
      fc.property(digitString(10), (s) => isValidNip(s) === referenceNip(s)),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 14 }), (s) => isValidNip(s) === referenceNip(normalizeNip(s))));
  });

  it('every valid NIP is rejected after changing any one digit (the checksum catches single errors)', () => {
    fc.assert(
      fc.property(
        digitString(9),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, pos, delta) => {
          const nip = withNipCheck(nine);
          fc.pre(nip !== null);
          const valid = nip as string;
          expect(isValidNip(valid)).toBe(true);
          const changed = valid.slice(0, pos) + String((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
          expect(isValidNip(changed)).toBe(referenceNip(changed));
          expect(isValidNip(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('REGON', () => {
  it.each(['123456785', '590096454', '12345678512347'])('accepts %s', (regon) => {
    expect(isValidRegon(regon)).toBe(true);
  });

  it.each(['123456789', '12345678', '1234567890', '12345678512340', '99999999912345', 'abcdefghi'])(
    'rejects %j',
    (regon) => {
      expect(isValidRegon(regon)).toBe(false);
    },
  );

  it('agrees with the reference on any 9 or 14 digits', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(9), digitString(14)), (s) => isValidRegon(s) === referenceRegon(s)),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on 14-digit numbers built on a valid 9-digit parent', () => {
    fc.assert(
      fc.property(digitString(8), digitString(5), (eight, rest) => {
        const parentDigit = [...Array(10).keys()].find((d) => referenceRegon(`${eight}${d}`));
        fc.pre(parentDigit !== undefined);
        const s = `${eight}${parentDigit}${rest}`;
        return isValidRegon(s) === referenceRegon(s);
      }),
    );
  });

  it('rejects other lengths', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 20 })
          .filter((n) => n !== 9 && n !== 14)
          .chain(digitString),
        (s) => !isValidRegon(s),
      ),
    );
  });
});
