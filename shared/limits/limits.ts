/**
 * Attempt limits (login, password-reset and confirmation mails, registration, uploads, verification
 * lookups). Pure rules; `limit-store.ts` holds the DynamoDB expressions and `attempts.ts` the flow.
 *
 * An attempt is RESERVED atomically before the work it guards (a conditional increment), so N
 * parallel requests can never do more work than the limit allows — a read-then-count limiter lets a
 * whole burst through on one stale reading. After `freeAttempts` reservations without a success the
 * subject is blocked for `baseDelayMs`, doubling with each further block up to `maxDelayMs`; after
 * each block exactly one more attempt is allowed. Counters forget after `windowMs` without an attempt.
 */
export interface LimitRule {
  /** Attempts allowed before the first block. */
  freeAttempts: number;
  /** The first block; each further block doubles it… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A counter with no attempt for this long starts afresh. */
  windowMs: number;
}

const MINUTE = 60_000;

export const limits = {
  /** Password guesses against one account from browsers it has not signed in on before. */
  loginAccount: { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
  /** Password guesses from one browser holding a known-device token (exempt from the two others). */
  loginDevice: { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
  /** Logins from one client address on browsers not known to the account (successes count too). */
  loginAddress: { freeAttempts: 30, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
  /** Account e-mails (password reset, a new confirmation link) to one address. */
  accountMail: { freeAttempts: 3, baseDelayMs: 15 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Account e-mails requested from one client address (any recipients). */
  accountMailAddress: { freeAttempts: 10, baseDelayMs: 15 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Registrations from one client address. */
  registerAddress: { freeAttempts: 10, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Upload links requested by one account. */
  uploadAccount: { freeAttempts: 100, baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Certificate lookups from one client address (issue 15): every lookup counts, unknown codes block. */
  verifyAddress: { freeAttempts: 30, baseDelayMs: 60_000, maxDelayMs: 15 * MINUTE, windowMs: 10 * MINUTE },
  /**
   * Survey answers from one browser (its signed respondent cookie, issue 18): a resident answers once
   * after a contact; a tablet at the office's door serves a queue, one answer in half a minute at best.
   */
  surveyDevice: { freeAttempts: 20, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Survey answers from one client address (an office's guest Wi-Fi is one address for everyone). */
  surveyAddress: { freeAttempts: 120, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Feedback sent from one browser (its signed sender cookie, issue 18 §6): a resident writes now and then. */
  feedbackDevice: { freeAttempts: 10, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Feedback sent from one client address (an office's guest Wi-Fi is one address for everyone). */
  feedbackAddress: { freeAttempts: 60, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Tracking-code lookups from one client address: every lookup counts, unknown codes block (like `verifyAddress`). */
  feedbackLookup: { freeAttempts: 30, baseDelayMs: 60_000, maxDelayMs: 15 * MINUTE, windowMs: 10 * MINUTE },
  /** Attachment upload slots for feedback from one browser: as many as feedback sendings (one file each). */
  feedbackUploadDevice: { freeAttempts: 10, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
  /** Attachment upload slots for feedback from one client address, like `feedbackAddress`. */
  feedbackUploadAddress: { freeAttempts: 60, baseDelayMs: 10 * MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
} satisfies Record<string, LimitRule>;
export type LimitName = keyof typeof limits;

/** A subject's counter as stored. */
export interface Counter {
  attempts: number;
  /** How many blocks so far in this window: the next block lasts base × 2^level. */
  level: number;
  /** Epoch ms until which no attempt is reserved; 0 when not blocked. */
  blockedUntil: number;
  /** Epoch ms of the last reservation. */
  lastAttemptAt: number;
}

/** An attempt still being checked holds its place this long; a crashed one is then written off. */
export const IN_FLIGHT_MS = 30_000;

export const blockDelayMs = (rule: LimitRule, level: number) =>
  Math.min(rule.baseDelayMs * 2 ** Math.max(0, level), rule.maxDelayMs);

export const isStale = (rule: LimitRule, counter: Counter, now: number) =>
  now - counter.lastAttemptAt >= rule.windowMs && counter.blockedUntil <= now;

/**
 * What to do when a reservation was refused, given the counter read back: wait (and how long), or
 * rewrite the counter (forgotten after the window, or an attempt that never finished) and try again.
 */
export function refusal(
  rule: LimitRule,
  counter: Counter | null,
  now: number,
): { waitMs: number } | { rewrite: Pick<Counter, 'attempts' | 'level'> } {
  if (!counter) return { rewrite: { attempts: 0, level: 0 } };
  // Clamped: a server clock behind the one that set the block must not stretch the wait.
  if (counter.blockedUntil > now) return { waitMs: Math.min(counter.blockedUntil - now, rule.maxDelayMs) };
  if (isStale(rule, counter, now)) return { rewrite: { attempts: 0, level: 0 } };
  if (counter.attempts >= rule.freeAttempts) {
    const sinceLast = Math.max(0, now - counter.lastAttemptAt);
    if (sinceLast >= IN_FLIGHT_MS) return { rewrite: { attempts: rule.freeAttempts - 1, level: counter.level } };
    // The last free attempt is being checked right now: ask again in a moment.
    return { waitMs: Math.max(1000, IN_FLIGHT_MS - sinceLast) };
  }
  // It changed between the refusal and this reading: try again shortly.
  return { waitMs: 1000 };
}

/**
 * After a failed attempt whose reservation brought the counter to `attemptsNow`: the block to set,
 * if this failure used up the free attempts. `burst` marks the first block of a window (worth an
 * audit entry).
 */
export function blockAfterFailure(
  rule: LimitRule,
  attemptsNow: number,
  level: number,
  now: number,
): { next: Pick<Counter, 'attempts' | 'level' | 'blockedUntil'>; burst: boolean } | null {
  if (attemptsNow < rule.freeAttempts) return null;
  return {
    next: { attempts: rule.freeAttempts - 1, level: level + 1, blockedUntil: now + blockDelayMs(rule, level) },
    burst: level === 0,
  };
}
