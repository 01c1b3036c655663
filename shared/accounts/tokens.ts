import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';

/** Single-use links sent by e-mail. Only the SHA-256 of a token is stored, so a table dump opens nothing. */
export type TokenPurpose = 'verifyEmail' | 'resetPassword' | 'invitation';

export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  verifyEmail: 48 * 60 * 60 * 1000,
  resetPassword: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new token and the Put that stores it (to go into the same transaction as the account change). */
export function newToken(clock: Clock, purpose: TokenPurpose, userId: string): { token: string; put: TransactItem } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = Math.floor((clock.now().getTime() + tokenLifetimeMs[purpose]) / 1000);
  return {
    token,
    put: {
      Put: {
        TableName: '',
        Item: {
          ...keys.token(hashToken(token)),
          entity: 'token',
          purpose,
          userId,
          expiresAt,
          createdAt: clock.now().toISOString(),
        },
      },
    },
  };
}

/**
 * Reads a token that is still valid for this purpose (TTL deletion is lazy, so expiry is checked
 * here too), and the Delete that consumes it exactly once: the use case puts the Delete in its
 * transaction, and a second use of the same link fails that transaction's condition.
 */
export async function openToken(
  deps: { store: Store; clock: Clock },
  purpose: TokenPurpose,
  token: string,
): Promise<{ userId: string; consume: TransactItem }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token))
    throw new AppError('INVALID_TOKEN', 'Malformed token', { fields: { token: invalidLink } });
  const key = keys.token(hashToken(token));
  const item = await deps.store.get<{ purpose: string; userId: string; expiresAt: number }>(key, { consistent: true });
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  if (!item || item.purpose !== purpose || item.expiresAt <= now) {
    throw new AppError('INVALID_TOKEN', 'Unknown, used or expired token', { fields: { token: invalidLink } });
  }
  return {
    userId: item.userId,
    consume: {
      Delete: {
        TableName: '',
        Key: key,
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': now },
      },
    },
  };
}

const invalidLink = { pl: 'Link wygasł albo został już użyty.', en: 'The link has expired or has already been used.' };

/**
 * Writes `items` together with the token's consuming Delete. A failed condition means the link was
 * used meanwhile (or the account changed under it): INVALID_TOKEN, and nothing was written.
 */
export async function transactWithToken(store: Store, consume: TransactItem, items: TransactItem[]): Promise<void> {
  try {
    await store.transact([consume, ...items]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      throw new AppError('INVALID_TOKEN', 'Token used concurrently', { fields: { token: invalidLink }, cause: error });
    }
    throw error;
  }
}
