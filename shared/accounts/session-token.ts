import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session cookie's value: `<userId>.<sessionId>.<expires epoch s>.<HMAC-SHA256>`, keyed with the
 * `session` purpose key (derived from the root secret). The signature makes a forged or altered
 * token fail before any database read; the expiry bounds a stolen token even if the stored session
 * were never deleted. Revocation is the stored session (shared/accounts/session.ts).
 */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;

function mac(key: Uint8Array, payload: string): string {
  return createHmac('sha256', key).update(`v1.${payload}`).digest('base64url');
}

export function signSessionToken(key: Uint8Array, claims: SessionClaims): string {
  const payload = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The claims of a well-signed, unexpired token; null for anything else. */
export function verifySessionToken(key: Uint8Array, token: string, nowSeconds: number): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId = '', sessionId = '', expires = '', signature = ''] = parts;
  if (!ID.test(userId) || !ID.test(sessionId) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(mac(key, `${userId}.${sessionId}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(expires);
  if (expiresAt <= nowSeconds) return null;
  return { userId, sessionId, expiresAt };
}
