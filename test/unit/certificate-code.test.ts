import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeBits, newCertificateCode, normalizeCode } from '../../shared/certificates/certificate-code';

const DATA = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK = `${DATA}*~$=U`;
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('certificate codes (Crockford base32 + mod-37 check symbol)', () => {
  it('carries all 128 bits in 26 symbols plus a check symbol, grouped for typing', () => {
    fc.assert(
      fc.property(bytes16, (bytes) => {
        const code = newCertificateCode(bytes);
        expect(code).toMatch(
          /^[0-7][0-9A-Z]{4}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}[0-9A-Z*~$=]$/,
        );
        expect(code.replace(/-/g, '')).toHaveLength(27);
        expect(normalizeCode(code)).toBe(code);
        expect(codeBits(code)).toEqual(bytes);
      }),
    );
  });

  it('gives different codes for different bytes, including the extremes of the 128-bit range', () => {
    const zero = newCertificateCode(new Uint8Array(16));
    const max = newCertificateCode(new Uint8Array(16).fill(255));
    expect(zero).toBe('00000-00000-00000-0000-0000-0000');
    expect(max.startsWith('7ZZZZ-ZZZZZ')).toBe(true);
    expect(codeBits(max)).toEqual(new Uint8Array(16).fill(255));
    fc.assert(
      fc.property(bytes16, bytes16, (a, b) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(newCertificateCode(a)).not.toBe(newCertificateCode(b));
      }),
    );
  });

  it('needs exactly 16 random bytes', () => {
    expect(() => newCertificateCode(new Uint8Array(15))).toThrow(RangeError);
    expect(() => newCertificateCode(new Uint8Array(17))).toThrow(RangeError);
  });

  it('reads what people type: any case, O for 0, I or L for 1, hyphens and spaces optional', () => {
    fc.assert(
      fc.property(bytes16, fc.infiniteStream(fc.integer({ min: 0, max: 5 })), (bytes, choices) => {
        const code = newCertificateCode(bytes);
        const it = choices[Symbol.iterator]();
        const typed = [...code.replace(/-/g, '')]
          .map((ch) => {
            const pick = it.next().value ?? 0;
            if (ch === '0') return pick % 2 ? 'O' : 'o';
            if (ch === '1') return ['I', 'i', 'L', 'l', '1', '1'][pick];
            return pick % 2 ? ch.toLowerCase() : ch;
          })
          .join(pick(it) ? ' ' : '');
        expect(normalizeCode(typed)).toBe(code);
        expect(normalizeCode(` ${code.toLowerCase()} `)).toBe(code);
      }),
    );
  });

  it('rejects any single changed symbol through the check symbol', () => {
    fc.assert(
      fc.property(bytes16, fc.integer({ min: 0, max: 26 }), fc.integer({ min: 1, max: 36 }), (bytes, at, shift) => {
        const plain = newCertificateCode(bytes).replace(/-/g, '');
        const alphabet = at === 26 ? CHECK : DATA;
        const now = alphabet.indexOf(plain[at] ?? '');
        const changed = alphabet[(now + (shift % alphabet.length || 1)) % alphabet.length] ?? '';
        fc.pre(changed !== plain[at]);
        expect(normalizeCode(plain.slice(0, at) + changed + plain.slice(at + 1))).toBeNull();
      }),
    );
  });

  it('rejects two neighbouring symbols swapped', () => {
    fc.assert(
      fc.property(bytes16, fc.integer({ min: 0, max: 24 }), (bytes, at) => {
        const plain = newCertificateCode(bytes).replace(/-/g, '');
        fc.pre(plain[at] !== plain[at + 1]);
        const swapped = plain.slice(0, at) + plain[at + 1] + plain[at] + plain.slice(at + 2);
        expect(normalizeCode(swapped)).toBeNull();
      }),
    );
  });

  it('rejects wrong lengths, foreign symbols and values beyond 128 bits', () => {
    const code = newCertificateCode(new Uint8Array(16).map((_, i) => i * 13));
    const plain = code.replace(/-/g, '');
    expect(normalizeCode(plain.slice(0, 26))).toBeNull();
    expect(normalizeCode(`${plain}0`)).toBeNull();
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode(`U${plain.slice(1)}`)).toBeNull();
    expect(normalizeCode(`${plain.slice(0, 10)}!${plain.slice(11)}`)).toBeNull();
    expect(normalizeCode(`8${plain.slice(1)}`)).toBeNull();
    expect(normalizeCode('x'.repeat(10_000))).toBeNull();
  });
});

function pick(it: Iterator<number>): number {
  return it.next().value ?? 0;
}
