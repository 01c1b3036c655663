/**
 * Certificate codes (issue 15 §4): unguessable (128 random bits) yet typeable from paper. Crockford
 * base32 — no I, L, O or U, so nothing is mistaken for 1 or 0 — 26 symbols carry the 128 bits (the
 * first symbol is 0–7: the two top bits are zero), and a 27th, Crockford's mod-37 check symbol,
 * catches every single mistyped symbol and every swap of two neighbours before a lookup is made.
 * Printed in groups of 5-5-5-4-4-4 with hyphens. Pure: the caller passes the random bytes.
 */
export const CODE_BYTES = 16;
const SYMBOLS = 26;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check alphabet: the 32 symbols and five more for the values 32–36. */
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
const GROUPS = [5, 5, 5, 4, 4, 4] as const;

const toBigInt = (bytes: Uint8Array): bigint => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

const checkSymbol = (value: bigint): string => CHECK_ALPHABET[Number(value % 37n)] ?? '';

const group = (canonical: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(canonical.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
};

/** A new certificate code from 16 random bytes, e.g. "3ZQ3V-0M8KE-T1R9A-7HCX-4NWD-2F6U" (27 symbols, the last the check). */
export function newCertificateCode(randomBytes: Uint8Array): string {
  if (randomBytes.length !== CODE_BYTES) throw new RangeError(`a certificate code needs ${CODE_BYTES} random bytes`);
  const value = toBigInt(randomBytes);
  let digits = '';
  let rest = value;
  for (let i = 0; i < SYMBOLS; i++) {
    digits = (ALPHABET[Number(rest & 31n)] ?? '') + digits;
    rest >>= 5n;
  }
  return group(digits + checkSymbol(value));
}

/**
 * The canonical (grouped, upper-case) form of what someone typed, or null when it cannot be a code:
 * case-insensitive, I and L read as 1, O as 0, hyphens and spaces optional; a wrong length, a symbol
 * outside the alphabet, more than 128 bits or a check symbol that does not match gives null.
 */
export function normalizeCode(input: string): string | null {
  if (input.length > 80) return null;
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (plain.length !== SYMBOLS + 1) return null;
  let value = 0n;
  for (const symbol of plain.slice(0, SYMBOLS)) {
    const digit = ALPHABET.indexOf(symbol);
    if (digit < 0) return null;
    value = (value << 5n) | BigInt(digit);
  }
  if (value >> 128n !== 0n) return null;
  const check = plain.slice(SYMBOLS);
  if (check !== checkSymbol(value)) return null;
  return group(plain);
}

/** The 128 bits a canonical code carries (for tests and storage keys that want bytes). */
export function codeBits(code: string): Uint8Array | null {
  const canonical = normalizeCode(code);
  if (canonical === null) return null;
  let value = 0n;
  for (const symbol of canonical.replace(/-/g, '').slice(0, SYMBOLS))
    value = (value << 5n) | BigInt(ALPHABET.indexOf(symbol));
  const bytes = new Uint8Array(CODE_BYTES);
  for (let i = CODE_BYTES - 1; i >= 0; i--) {
    bytes[i] = Number(value & 255n);
    value >>= 8n;
  }
  return bytes;
}
