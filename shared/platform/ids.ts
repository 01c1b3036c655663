import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/** Ids are time-ordered (sortable as strings) so item collections list oldest → newest for free. */
export interface IdGenerator {
  newId(): string;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as in ULID

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest % 32n)] + out;
    rest /= 32n;
  }
  return out;
}

/** ULID-shaped: 48-bit millisecond time + 80 random bits, 26 characters. */
export function ulidGenerator(clock: Clock): IdGenerator {
  return {
    newId() {
      const time = BigInt(clock.now().getTime());
      const random = BigInt(`0x${randomBytes(10).toString('hex')}`);
      return encode(time, 10) + encode(random, 16);
    },
  };
}
