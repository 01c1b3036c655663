import { createHash } from 'node:crypto';
import { isAppError } from '../errors';
import type { Store } from '../store/store';
import { type ItemKey, keys } from '../store/keys';
import { type Counter, type LimitName, limits } from './limits';

/**
 * The counters' DynamoDB shapes: one item per (limit, hashed subject) — the subject (an e-mail, an
 * address, a device id) is never stored in clear. TTL removes a counter after its window.
 */
export const counterKey = (name: LimitName, subject: string): ItemKey =>
  keys.rateCounter(name, createHash('sha256').update(subject).digest('hex').slice(0, 32));

const expiresAt = (name: LimitName, now: number) =>
  Math.floor((now + limits[name].windowMs + limits[name].maxDelayMs) / 1000);

function toCounter(item: Record<string, unknown> | undefined | null): Counter | null {
  if (!item || item.attempts === undefined) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    attempts: num(item.attempts),
    level: num(item.level),
    blockedUntil: num(item.blockedUntil),
    lastAttemptAt: num(item.lastAttemptAt),
  };
}

const isConflict = (error: unknown) => isAppError(error, 'CONFLICT');

/**
 * One conditional increment: succeeds only while the subject is below its free attempts and not
 * blocked. Returns the counter as it was before (null if none), or 'refused'.
 */
export async function reserveAttempt(
  store: Store,
  name: LimitName,
  key: ItemKey,
  now: number,
): Promise<{ before: Counter | null } | 'refused'> {
  try {
    const before = await store.update(
      key,
      {
        expression: 'ADD attempts :one SET lastAttemptAt = :now, expiresAt = :exp',
        values: { ':one': 1, ':now': now, ':exp': expiresAt(name, now) },
      },
      {
        expression:
          '(attribute_not_exists(attempts) OR attempts < :free) AND (attribute_not_exists(blockedUntil) OR blockedUntil <= :now)',
        values: { ':free': limits[name].freeAttempts, ':now': now },
      },
      { returnValues: 'ALL_OLD' },
    );
    return { before: toCounter(before) };
  } catch (error) {
    if (isConflict(error)) return 'refused';
    throw error;
  }
}

/** Gives a reservation back (the other limit refused the attempt, so it was never made). */
export async function releaseAttempt(store: Store, key: ItemKey): Promise<void> {
  await store
    .update(
      key,
      { expression: 'ADD attempts :minus', values: { ':minus': -1 } },
      {
        expression: 'attempts > :zero',
        values: { ':zero': 0 },
      },
    )
    .catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
}

export async function readCounter(store: Store, key: ItemKey): Promise<Counter | null> {
  return toCounter(await store.get(key, { consistent: true }));
}

/**
 * Writes a counter's state if nobody changed it since it was read as `seen` (an optimistic
 * condition on the attempts and the level). False when it changed meanwhile.
 */
export async function rewriteCounter(
  store: Store,
  name: LimitName,
  key: ItemKey,
  seen: Pick<Counter, 'attempts' | 'level'> | null,
  next: Partial<Counter>,
  now: number,
): Promise<boolean> {
  const sets = Object.entries(next).map(([field]) => `#${field} = :${field}`);
  const names = Object.fromEntries(Object.keys(next).map((field) => [`#${field}`, field]));
  const values = Object.fromEntries(Object.entries(next).map(([field, value]) => [`:${field}`, value]));
  const condition = seen
    ? {
        expression: 'attempts = :seenAttempts AND (attribute_not_exists(#lvl) OR #lvl = :seenLevel)',
        names: { '#lvl': 'level' },
        values: { ':seenAttempts': seen.attempts, ':seenLevel': seen.level },
      }
    : { expression: 'attribute_not_exists(attempts)' };
  try {
    await store.update(
      key,
      {
        expression: `SET ${[...sets, 'expiresAt = :exp'].join(', ')}`,
        names,
        values: { ...values, ':exp': expiresAt(name, now) },
      },
      condition,
    );
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

/** A success clears the subject's counter (an account's or a device's failures). */
export async function clearCounter(store: Store, key: ItemKey): Promise<void> {
  await store.delete(key);
}
