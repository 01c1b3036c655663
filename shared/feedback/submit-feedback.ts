import { randomBytes } from 'node:crypto';
import type { Caller } from '../access/caller';
import { deviceAccount, signDeviceToken, verifyDeviceToken } from '../accounts/device-token';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findInstitution } from '../institutions/institution-store';
import { recordFailure, reserveAttempts } from '../limits/attempts';
import { addressSubject } from '../limits/address-subject';
import { warsawDate } from '../surveys/survey';
import type { Feedback, FeedbackInput } from './feedback';
import { putNewFeedback } from './feedback-store';
import { newTrackingCode, TRACKING_CODE_BYTES, trackingCodeHash } from './tracking-code';

export type SubmitFeedbackDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'logger' | 'keyRing'>;

/** The sender cookie lives a year, like the survey's respondent cookie. */
export const SENDER_TOKEN_TTL_SECONDS = 365 * 24 * 60 * 60;
/** Sender tokens are device tokens (device-token.ts) of no account: worthless for signing in. */
const SENDER = deviceAccount('feedback-sender');

export interface SubmitFeedbackInput {
  institutionId: string;
  feedback: FeedbackInput;
  caller: Caller;
  /** The browser's sender cookie, if any. */
  senderToken?: string;
}

export interface FeedbackReceipt {
  /** The tracking code: shown once, stored nowhere (only its hash). */
  trackingCode: string;
  sender: { token: string; maxAgeSeconds: number };
}

/**
 * A resident's feedback to an office (issue 18 §6), without an account. Nothing identifies the sender
 * beyond what they wrote (and the e-mail they chose to leave for status mails): the browser is known by
 * a random id in a signed cookie, the address only as a hashed, expiring limit counter. One attempt is
 * reserved under both limits before anything is read, so a burst cannot slip through; every sending
 * uses up the quota. A filled honeypot gets a code like a success, and nothing is stored.
 */
export async function submitFeedback(deps: SubmitFeedbackDeps, input: SubmitFeedbackInput): Promise<FeedbackReceipt> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const key = await deps.keyRing.key('respondent');
  const known = verifyDeviceToken(key, input.senderToken, SENDER, nowSeconds);
  const deviceId = known?.deviceId ?? deps.ids.newId();
  const sender = {
    token: signDeviceToken(key, { deviceId, account: SENDER, expiresAt: nowSeconds + SENDER_TOKEN_TTL_SECONDS }),
    maxAgeSeconds: SENDER_TOKEN_TTL_SECONDS,
  };
  const reservation = await reserveAttempts(deps, [
    { limit: 'feedbackDevice', subject: deviceId },
    { limit: 'feedbackAddress', subject: addressSubject(input.caller.ip) },
  ]);
  await recordFailure(deps, reservation);
  const trackingCode = newTrackingCode(randomBytes(TRACKING_CODE_BYTES));
  if (input.feedback.website) {
    deps.logger.info('feedback dropped: honeypot filled', { institutionId: input.institutionId });
    return { trackingCode, sender };
  }
  const institution = await findInstitution(deps.store, input.institutionId);
  if (!institution) throw new AppError('NOT_FOUND', 'No such institution');
  const day = warsawDate(now);
  const { category, text, email } = input.feedback;
  const feedback: Feedback = {
    feedbackId: deps.ids.newId(),
    institutionId: institution.institutionId,
    institutionName: institution.name,
    category,
    text,
    ...(email ? { replyEmail: email } : {}),
    status: 'new',
    submittedAt: now.toISOString(),
    submittedOn: day,
    updatedAt: now.toISOString(),
    version: 1,
  };
  await putNewFeedback(deps.store, feedback, trackingCodeHash(trackingCode));
  return { trackingCode, sender };
}
