import { AppError } from '../errors';
import type { Deps } from '../deps';
import type { ItemKey } from '../store/keys';
import { clearCounter, counterKey, readCounter, releaseAttempt, reserveAttempt, rewriteCounter } from './limit-store';
import { blockAfterFailure, isStale, type LimitName, limits, refusal } from './limits';

export type LimitDeps = Pick<Deps, 'store' | 'clock'>;

/** One limit applied to one subject (an e-mail, a client address, a device id). */
export interface Subject {
  limit: LimitName;
  subject: string;
}

/** Attempts reserved for one request, settled once its outcome is known. */
export interface Reservation {
  held: { limit: LimitName; key: ItemKey; attemptsNow: number; level: number }[];
}

/**
 * Reserves one attempt under every given limit, in parallel (one conditional update each), before
 * the guarded work runs. When any limit refuses, the others' reservations are given back and the
 * answer is 429 with the longest wait. A counter that only needs rewriting (forgotten after its
 * window, or an attempt that crashed mid-way) is rewritten once and reserved again.
 */
export async function reserveAttempts(deps: LimitDeps, subjects: Subject[]): Promise<Reservation> {
  const now = deps.clock.now().getTime();
  const outcomes = await Promise.all(subjects.map((s) => reserveWithRetry(deps, s, now)));
  const held = outcomes.flatMap((o) => ('held' in o ? [o.held] : []));
  const waits = outcomes.flatMap((o) => ('waitMs' in o ? [o.waitMs] : []));
  if (waits.length > 0) {
    await Promise.all(held.map((h) => releaseAttempt(deps.store, h.key)));
    const seconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many attempts', { retryAfterSeconds: seconds, params: { seconds } });
  }
  return { held };
}

async function reserveWithRetry(
  deps: LimitDeps,
  { limit, subject }: Subject,
  now: number,
): Promise<{ held: Reservation['held'][number] } | { waitMs: number }> {
  const rule = limits[limit];
  const key = counterKey(limit, subject);
  for (let attempt = 0; attempt < 2; attempt++) {
    const reserved = await reserveAttempt(deps.store, limit, key, now);
    if (reserved !== 'refused') {
      const before = reserved.before;
      if (before && isStale(rule, before, now)) {
        // Forgotten after the window: this attempt is the first of a new one.
        const fresh = await rewriteCounter(
          deps.store,
          limit,
          key,
          { attempts: before.attempts + 1, level: before.level },
          { attempts: 1, level: 0, blockedUntil: 0 },
          now,
        );
        if (fresh) return { held: { limit, key, attemptsNow: 1, level: 0 } };
      }
      return { held: { limit, key, attemptsNow: (before?.attempts ?? 0) + 1, level: before?.level ?? 0 } };
    }
    const counter = await readCounter(deps.store, key);
    const verdict = refusal(rule, counter, now);
    if ('waitMs' in verdict) return verdict;
    await rewriteCounter(deps.store, limit, key, counter, verdict.rewrite, now);
  }
  return { waitMs: 1000 };
}

/**
 * The guarded work failed (a wrong password): the reserved attempts stay counted, and a limit whose
 * free attempts this one used up is blocked. Returns the limits whose first block this started.
 */
export async function recordFailure(deps: LimitDeps, reservation: Reservation): Promise<LimitName[]> {
  const now = deps.clock.now().getTime();
  const bursts = await Promise.all(
    reservation.held.map(async (h) => {
      const block = blockAfterFailure(limits[h.limit], h.attemptsNow, h.level, now);
      if (!block) return null;
      const written = await rewriteCounter(
        deps.store,
        h.limit,
        h.key,
        { attempts: h.attemptsNow, level: h.level },
        block.next,
        now,
      );
      return written && block.burst ? h.limit : null;
    }),
  );
  return bursts.filter((b): b is LimitName => b !== null);
}

/** The guarded work succeeded: these limits' counters start again (the others keep the attempt). */
export async function recordSuccess(deps: LimitDeps, reservation: Reservation, clear: LimitName[]): Promise<void> {
  await Promise.all(
    reservation.held.filter((h) => clear.includes(h.limit)).map((h) => clearCounter(deps.store, h.key)),
  );
}
