import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The session cookie's value: `<userId>.<sessionId>.<secret>`, the secret being 256 random bits of
 * which the stored session keeps only the SHA-256 (`secretHash`). Every request reads the stored
 * session anyway (revocation, idle and absolute ends), so comparing the secret there is the whole
 * check: no key is needed, and a signed-in request's cold start does not fetch the root secret from
 * Secrets Manager (issue 17). A table read does not give a usable cookie, since the hash cannot be
 * turned back into the secret. Ending a session is deleting it (shared/accounts/session.ts).
 */
export interface SessionToken {
  userId: string;
  sessionId: string;
  secret: string;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;
const SECRET = /^[0-9A-Za-z_-]{43}$/;

/** A fresh secret for a new session: 32 random bytes, base64url (43 characters). */
export const newSessionSecret = (): string => randomBytes(32).toString('base64url');

/** What the stored session keeps of its secret. */
export const sessionSecretHash = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const formatSessionToken = (t: SessionToken): string => `${t.userId}.${t.sessionId}.${t.secret}`;

/** The parts of a well-formed token; null for anything else (never throws). */
export function parseSessionToken(token: string): SessionToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId = '', sessionId = '', secret = ''] = parts;
  if (!ID.test(userId) || !ID.test(sessionId) || !SECRET.test(secret)) return null;
  return { userId, sessionId, secret };
}

/** Whether the cookie's secret is the stored session's, compared in constant time; false without a stored hash. */
export function sessionSecretMatches(secret: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(sessionSecretHash(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
