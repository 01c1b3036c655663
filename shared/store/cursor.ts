import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { AppError } from '../errors';

/**
 * Opaque, tamper-evident pagination cursor: base64url(JSON payload) + "." + HMAC-SHA256.
 * The payload binds the cursor to the query it came from (`scope`), so a cursor of one list
 * cannot be replayed against another (e.g. another institution's partition).
 */
const payloadSchema = z.object({ s: z.string(), k: z.record(z.string(), z.union([z.string(), z.number()])) });

export type ExclusiveStartKey = Record<string, string | number>;

export class CursorCodec {
  /** @param signingKey resolves the HMAC key (at least 32 bytes), e.g. `() => keyRing.key('cursor')`. */
  constructor(private readonly signingKey: () => Promise<Uint8Array>) {}

  async encode(scope: string, lastEvaluatedKey: ExclusiveStartKey): Promise<string> {
    const body = Buffer.from(JSON.stringify({ s: scope, k: lastEvaluatedKey })).toString('base64url');
    return `${body}.${this.sign(await this.key(), body)}`;
  }

  async decode(scope: string, cursor: string): Promise<ExclusiveStartKey> {
    const invalid = () => new AppError('INVALID_CURSOR', 'The cursor is invalid', { fields: { cursor: 'invalid' } });
    const [body, signature, ...rest] = cursor.split('.');
    if (!body || !signature || rest.length > 0) throw invalid();
    const expected = Buffer.from(this.sign(await this.key(), body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success || parsed.data.s !== scope) throw invalid();
    return parsed.data.k;
  }

  private async key(): Promise<Uint8Array> {
    const key = await this.signingKey();
    if (key.byteLength < 32) throw new Error('Cursor key must be at least 32 bytes');
    return key;
  }

  private sign(key: Uint8Array, body: string): string {
    return createHmac('sha256', key).update(body).digest('base64url');
  }
}
