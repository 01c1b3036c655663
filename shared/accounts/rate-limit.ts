import { createHash } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { Store } from '../store/store';
import { keys, type ItemKey } from '../store/keys';

/**
 * Failure counters with a growing delay (login per account and per client address; password-reset
 * mails per account). Pure rules first, storage below. Counters forget after `windowMs` without a
 * failure; TTL removes them from the table.
 */
export interface LimitRule {
  /** Failures allowed before the first delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  windowMs: number;
}

export const limits = {
  loginAccount: { freeFailures: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
  loginAddress: { freeFailures: 20, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
  resetMail: { freeFailures: 3, baseDelayMs: 15 * 60_000, maxDelayMs: 60 * 60_000, windowMs: 60 * 60_000 },
} satisfies Record<string, LimitRule>;
export type LimitName = keyof typeof limits;

export interface Counter extends Record<string, unknown> {
  failures: number;
  lastFailureAt: string;
}

/** Milliseconds the subject must still wait; 0 when it may try now. */
export function waitMs(rule: LimitRule, counter: Counter | null, now: number): number {
  if (!counter) return 0;
  const last = Date.parse(counter.lastFailureAt);
  if (now - last >= rule.windowMs || counter.failures < rule.freeFailures) return 0;
  const delay = Math.min(rule.baseDelayMs * 2 ** (counter.failures - rule.freeFailures), rule.maxDelayMs);
  // Clamped: a server clock behind the one that recorded the failure must not stretch the wait.
  return Math.min(delay, Math.max(0, last + delay - now));
}

/** True exactly when this failure is the one that starts the delays (a "burst", worth an audit entry). */
export const startsBurst = (rule: LimitRule, failuresNow: number) => failuresNow === rule.freeFailures;

export function counterKey(name: LimitName, subject: string): ItemKey {
  return keys.rateCounter(name, createHash('sha256').update(subject).digest('hex').slice(0, 32));
}

export async function readCounters(store: Store, counterKeys: ItemKey[]): Promise<(Counter | null)[]> {
  const found = await store.batchGet<Counter & ItemKey>(counterKeys);
  return counterKeys.map((k) => found.find((f) => f.pk === k.pk) ?? null);
}

/** Counts one failure; a counter older than the window starts again at 1. Returns the new count. */
export async function countFailure(
  deps: { store: Store; clock: Clock },
  name: LimitName,
  key: ItemKey,
  previous: Counter | null,
): Promise<number> {
  const now = deps.clock.now();
  const rule = limits[name];
  const stale = !previous || now.getTime() - Date.parse(previous.lastFailureAt) >= rule.windowMs;
  const expiresAt = Math.floor((now.getTime() + rule.windowMs + rule.maxDelayMs) / 1000);
  const updated = await deps.store.update<Counter>(key, {
    expression: stale
      ? 'SET failures = :one, lastFailureAt = :now, expiresAt = :exp'
      : 'ADD failures :one SET lastFailureAt = :now, expiresAt = :exp',
    values: { ':one': 1, ':now': now.toISOString(), ':exp': expiresAt },
  });
  return updated.failures;
}

export async function clearCounter(store: Store, key: ItemKey): Promise<void> {
  await store.delete(key);
}
