import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { AppError } from '../errors';

/**
 * Opaque, tamper-evident pagination cursor: `v1.` + base64url(iv ‖ AES-256-GCM(payload) ‖ tag).
 * Clients can neither read the keys inside (ids of items they were not shown) nor change them; the
 * payload binds the cursor to the query it came from (`scope`), so a cursor of one list cannot be
 * replayed against another (e.g. another institution's partition).
 */
const payloadSchema = z.object({ s: z.string(), k: z.record(z.string(), z.union([z.string(), z.number()])) });

export type ExclusiveStartKey = Record<string, string | number>;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CursorCodec {
  /** @param encryptionKey resolves the 32-byte AES key, e.g. `() => keyRing.key('cursor')`. */
  constructor(private readonly encryptionKey: () => Promise<Uint8Array>) {}

  async encode(scope: string, lastEvaluatedKey: ExclusiveStartKey): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', await this.key(), iv);
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify({ s: scope, k: lastEvaluatedKey }), 'utf8'),
      cipher.final(),
    ]);
    return `${VERSION}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')}`;
  }

  async decode(scope: string, cursor: string): Promise<ExclusiveStartKey> {
    const invalid = () => new AppError('INVALID_CURSOR', 'The cursor is invalid', { fields: { cursor: 'invalid' } });
    const [version, body, ...rest] = cursor.split('.');
    if (version !== VERSION || !body || rest.length > 0) throw invalid();
    const raw = Buffer.from(body, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) throw invalid();
    let json: unknown;
    try {
      const decipher = createDecipheriv('aes-256-gcm', await this.key(), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      json = JSON.parse(plain.toString('utf8'));
    } catch {
      throw invalid(); // wrong key, changed bytes or not ours at all: GCM authentication failed
    }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success || parsed.data.s !== scope) throw invalid();
    return parsed.data.k;
  }

  private async key(): Promise<Uint8Array> {
    const key = await this.encryptionKey();
    if (key.byteLength !== 32) throw new Error('The cursor key must be 32 bytes');
    return key;
  }
}
