import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { recordFailure, reserveAttempts } from '../limits/attempts';
import { addressSubject } from '../limits/address-subject';
import { type PublicFeedback, publicView } from './feedback';
import { findFeedbackByCode } from './feedback-store';
import { normalizeTrackingCode, trackingCodeHash } from './tracking-code';

const unknown = () => new AppError('NOT_FOUND', 'No feedback has this tracking code');

/**
 * The public status page of a feedback (issue 18 §6): anyone holding the tracking code sees its
 * category, status, dates and public answer — never the text, the e-mail or the private note. Every
 * lookup reserves an attempt for the client address first (200 parallel guesses are cut at the limit),
 * and a miss counts as a failure, so guessing is blocked long before it could find a code. A code that
 * cannot be one is looked up all the same (its hash finds nothing): every miss costs the same reads and
 * gets the same 404.
 */
export async function trackFeedback(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { code: string; caller: Caller },
): Promise<PublicFeedback> {
  const reservation = await reserveAttempts(deps, [
    { limit: 'feedbackLookup', subject: addressSubject(input.caller.ip) },
  ]);
  const code = normalizeTrackingCode(input.code) ?? input.code.slice(0, 64);
  const feedback = await findFeedbackByCode(deps.store, trackingCodeHash(code));
  if (!feedback) {
    await recordFailure(deps, reservation);
    throw unknown();
  }
  return publicView(feedback);
}
