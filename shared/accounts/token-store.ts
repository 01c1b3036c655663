import * as z from 'zod/mini';
import { isAppError } from '../errors';
import type { Clock } from '../platform/clock';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, type TransactItem, tx } from '../store/store';
import { hashToken, invalidToken, StoredToken, type TokenPurpose, wellFormedToken } from './tokens';

/**
 * The single-use tokens' DynamoDB shapes: one item per token, keyed by its SHA-256, removed by TTL
 * after `expiresAt`. A token is consumed by a conditional Delete in the same transaction as the
 * change it allows, so a link works exactly once.
 */
function tokenItem(token: StoredToken) {
  const { tokenHash, ...rest } = token;
  return { ...keys.token(tokenHash), entity: 'token', ...rest };
}

/** The Put that stores a new token, for the transaction that creates what it opens (an account). */
export const tokenPut = (token: StoredToken): TransactItem => tx.put(tokenItem(token));

/** Stores a token on its own (a new reset or confirmation link for an existing account). */
export async function saveToken(store: Store, token: StoredToken): Promise<void> {
  await store.transact([tokenPut(token)]);
}

/** What the item holds besides its key and its TTL attribute (which parseItem leaves out). */
const TokenFields = z.omit(StoredToken, { tokenHash: true, expiresAt: true });

async function findToken(store: Store, tokenHash: string): Promise<StoredToken | null> {
  const item = await store.get(keys.token(tokenHash), { consistent: true });
  if (!item) return null;
  const expiresAt = item.expiresAt;
  if (typeof expiresAt !== 'number') throw new Error(`Stored token ${String(item.pk)} has no numeric expiresAt`);
  return { ...parseItem(TokenFields, item, 'token'), tokenHash, expiresAt };
}

/** A token found valid for its purpose: what the write that consumes it needs. */
export interface OpenedToken {
  tokenHash: string;
  userId: string;
  /** Epoch seconds when it was checked: the consuming Delete requires it still unexpired then. */
  checkedAt: number;
}

/**
 * Reads a token that is still valid for this purpose (TTL deletion is lazy, so expiry is checked
 * here too). The write it allows consumes it (`writeConsumingToken`).
 */
export async function openToken(
  deps: { store: Store; clock: Clock },
  purpose: TokenPurpose,
  token: string,
): Promise<OpenedToken> {
  if (!wellFormedToken(token)) throw invalidToken('Malformed token');
  const tokenHash = hashToken(token);
  const stored = await findToken(deps.store, tokenHash);
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  if (!stored || stored.purpose !== purpose || stored.expiresAt <= now) {
    throw invalidToken('Unknown, used or expired token');
  }
  return { tokenHash, userId: stored.userId, checkedAt: now };
}

/**
 * Writes `items` together with the token's consuming Delete. A failed condition means the link was
 * used meanwhile (or the account changed under it): INVALID_TOKEN, and nothing was written.
 */
export async function writeConsumingToken(store: Store, token: OpenedToken, items: TransactItem[]): Promise<void> {
  const consume = tx.delete(keys.token(token.tokenHash), {
    expression: 'attribute_exists(pk) AND expiresAt > :now',
    values: { ':now': token.checkedAt },
  });
  try {
    await store.transact([consume, ...items]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw invalidToken('Token used concurrently', error);
    throw error;
  }
}
