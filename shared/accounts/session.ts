import * as z from 'zod/mini';

/**
 * Sessions: the cookie carries a token (session-token.ts) naming a stored session and its secret, which
 * ends after two hours without a request or twelve hours in any case, or when deleted (logout,
 * password reset, deactivation). start-session.ts and resolve-session.ts use them; session-store.ts
 * stores them.
 */

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so ordinary requests cost a read, not a write. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** A stored session; its TTL (`expiresAt`, a storage attribute) is the idle or the absolute end, whichever is first. */
export const Session = z.object({
  sessionId: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  absoluteExpiresAt: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  /**
   * SHA-256 of the cookie's secret. Optional only so that a session stored before it existed (when
   * cookies were HMAC-signed) still parses: it matches no cookie, and its owner signs in again.
   */
  secretHash: z.optional(z.string()),
});
export type Session = z.infer<typeof Session>;

export const epochSeconds = (ms: number) => Math.floor(ms / 1000);

/** When the stored session may be dropped (epoch s): its idle end, or its absolute end if sooner. */
export const sessionTtl = (nowMs: number, absoluteEndMs: number) =>
  epochSeconds(Math.min(nowMs + SESSION_IDLE_MS, absoluteEndMs));
