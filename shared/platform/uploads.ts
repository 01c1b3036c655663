import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock';
import type { KeyRing } from './secrets';

/**
 * Where the browser sends an attachment's bytes: a presigned S3 PUT in the cloud (the bytes never
 * pass through Lambda), the app's own `PUT /api/uploads/:token` locally. Either way the URL names
 * one blob key, one content type and one exact size, and expires in 15 minutes; the key is built
 * by the platform from random ids, so knowing one URL gives nothing else.
 */
export interface UploadRequest {
  key: string;
  contentType: string;
  size: number;
}
export interface UploadTicket {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadTarget {
  presign(request: UploadRequest): Promise<UploadTicket>;
}

export const UPLOAD_TTL_SECONDS = 15 * 60;

interface UploadClaims extends UploadRequest {
  expiresAt: number;
}

const mac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(`upload.v1.${payload}`).digest('base64url');

/**
 * The local target: a signed token carrying the claims, verified by the upload route. The URL is a
 * path on the app itself, so it works at whatever address the browser opened (localhost, 127.0.0.1).
 */
export function signedUploadTarget(keyRing: KeyRing, clock: Clock): UploadTarget {
  return {
    async presign(request) {
      const expiresAt = Math.floor(clock.now().getTime() / 1000) + UPLOAD_TTL_SECONDS;
      const payload = Buffer.from(JSON.stringify({ ...request, expiresAt } satisfies UploadClaims)).toString(
        'base64url',
      );
      const token = `${payload}.${mac(await keyRing.key('upload'), payload)}`;
      return {
        url: `/api/uploads/${token}`,
        method: 'PUT',
        headers: { 'content-type': request.contentType },
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
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadClaims;
    if (typeof claims.key !== 'string' || typeof claims.size !== 'number' || typeof claims.contentType !== 'string')
      return null;
    return claims.expiresAt > now.getTime() / 1000 ? claims : null;
  } catch {
    return null;
  }
}
