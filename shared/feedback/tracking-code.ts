import { createHash } from 'node:crypto';

/**
 * Feedback tracking codes (issue 18 §6): what a resident keeps to check their feedback without an
 * account, so the code is the only secret. 80 random bits (10 bytes) in 16 Crockford base32 symbols —
 * no I, L, O or U, so nothing reads as 1 or 0 — printed in four groups: `7K2M-QX4D-9RTB-VN3H`. With
 * lookups limited per address (`feedbackLookup`, 30 per 10 minutes, unknown codes block), finding one
 * code among, say, a million issued takes about 2^80 / 10^6 ≈ 10^18 guesses. Pure: the caller passes
 * the random bytes.
 */
export const TRACKING_CODE_BYTES = 10;
const SYMBOLS = 16;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new tracking code from 10 random bytes, e.g. "7K2M-QX4D-9RTB-VN3H". */
export function newTrackingCode(randomBytes: Uint8Array): string {
  if (randomBytes.length !== TRACKING_CODE_BYTES)
    throw new RangeError(`a tracking code needs ${TRACKING_CODE_BYTES} random bytes`);
  let rest = randomBytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
  let symbols = '';
  for (let i = 0; i < SYMBOLS; i++) {
    symbols = (ALPHABET[Number(rest & 31n)] ?? '') + symbols;
    rest >>= 5n;
  }
  return group(symbols);
}

const group = (plain: string) => plain.match(/.{4}/g)?.join('-') ?? plain;

/**
 * The canonical form of what someone typed, or null when it cannot be a code: case-insensitive, I and
 * L read as 1, O as 0, hyphens and spaces optional; a wrong length or a symbol outside the alphabet
 * gives null.
 */
export function normalizeTrackingCode(input: string): string | null {
  if (input.length > 64) return null;
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (plain.length !== SYMBOLS) return null;
  for (const symbol of plain) if (!ALPHABET.includes(symbol)) return null;
  return group(plain);
}

/**
 * What the table keeps instead of the code: its SHA-256. The code is never stored, so whoever reads
 * the table (a backup, an export, an operator, the office's staff through their API) cannot learn a
 * code and read a resident's status page or pass for the resident. No salt or key is needed: 80
 * random bits cannot be found by hashing guesses (2^80 SHA-256s), unlike a password.
 */
export function trackingCodeHash(code: string): string {
  return createHash('sha256').update(code.replace(/-/g, '')).digest('hex');
}
