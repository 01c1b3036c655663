import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { AppError } from '../errors';
import type { Clock } from '../platform/clock';

/** Single-use links sent by e-mail. Only the SHA-256 of a token is stored, so a table dump opens nothing. */
export const tokenPurposes = ['verifyEmail', 'resetPassword', 'invitation'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  verifyEmail: 48 * 60 * 60 * 1000,
  resetPassword: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
};

/** A token as stored (token-store.ts): the hash addresses it, `expiresAt` (epoch s) is also its TTL. */
export const StoredToken = z.object({
  tokenHash: z.string(),
  purpose: z.enum(tokenPurposes),
  userId: z.string(),
  expiresAt: z.number(),
  createdAt: z.string(),
});
export type StoredToken = z.infer<typeof StoredToken>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new token (for the link) and what is stored of it (to go into the same write as the account change). */
export function newToken(clock: Clock, purpose: TokenPurpose, userId: string): { token: string; stored: StoredToken } {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  return {
    token,
    stored: {
      tokenHash: hashToken(token),
      purpose,
      userId,
      expiresAt: Math.floor((now.getTime() + tokenLifetimeMs[purpose]) / 1000),
      createdAt: now.toISOString(),
    },
  };
}

/** A link's token as the request sent it, checked for shape before any read. */
export const wellFormedToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

const invalidLink = { pl: 'Link wygasł albo został już użyty.', en: 'The link has expired or has already been used.' };

export const invalidToken = (message: string, cause?: unknown) =>
  new AppError('INVALID_TOKEN', message, { fields: { token: invalidLink }, cause });
