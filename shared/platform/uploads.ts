import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { Clock } from './clock';
import type { KeyRing } from './secrets';

/**
 * Where the browser sends an attachment's bytes: a presigned S3 PUT in the cloud (the bytes never
 * pass through Lambda), the app's own `PUT /api/uploads/:token` locally. Either way the URL names
 * one blob key, one content type, one exact size and the SHA-256 of the bytes (declared by the
 * browser before it asked), and expires in 15 minutes; the key is built by the platform from random
 * ids, so knowing one URL gives nothing else. Neither can replace stored bytes: S3 is asked for a
 * conditional write (`If-None-Match: *`, signed), the local route claims the attachment once.
 */
export interface UploadRequest {
  key: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the only bytes that may be stored. */
  sha256: string;
}
export interface UploadTicket {
  url: string;
  method: 'PUT';
  /** Headers the PUT must carry exactly as given (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadTarget {
  presign(request: UploadRequest): Promise<UploadTicket>;
}

export const UPLOAD_TTL_SECONDS = 15 * 60;

export interface UploadClaims extends UploadRequest {
  expiresAt: number;
}
const claimsSchema = z.object({
  key: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  expiresAt: z.number(),
});

const mac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(`upload.v2.${payload}`).digest('base64url');

/** SHA-256 as S3's `x-amz-checksum-sha256` wants it: base64 of the digest. */
export const checksumHeader = (sha256Hex: string) => Buffer.from(sha256Hex, 'hex').toString('base64');

/**
 * The local target: a signed token carrying the claims, verified by the upload route. The URL is a
 * path on the app itself, so it works at whatever address the browser opened (localhost, 127.0.0.1).
 */
export function signedUploadTarget(keyRing: KeyRing, clock: Clock): UploadTarget {
  return {
    async presign(request) {
      const expiresAt = Math.floor(clock.now().getTime() / 1000) + UPLOAD_TTL_SECONDS;
      const claims: UploadClaims = { ...request, expiresAt };
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const token = `${payload}.${mac(await keyRing.key('upload'), payload)}`;
      return {
        url: `/api/uploads/${token}`,
        method: 'PUT',
        headers: { 'content-type': request.contentType, 'x-amz-checksum-sha256': checksumHeader(request.sha256) },
        expiresAt: new Date(expiresAt * 1000).toISOString(),
      };
    },
  };
}

/** The claims of a well-signed, unexpired upload token; null for anything else. */
export async function verifyUploadToken(keyRing: KeyRing, token: string, now: Date): Promise<UploadClaims | null> {
  const [payload = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || payload === '' || signature === '') return null;
  const expected = Buffer.from(mac(await keyRing.key('upload'), payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success) return null;
  return claims.data.expiresAt > now.getTime() / 1000 ? claims.data : null;
}
