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
import { failedConditions } from '../store/translate-error';
import { attachmentMessages, attachmentProblem, slotBlobKey } from './attachment';
import { consumeSlot } from './attachment-store';
import { putNewFeedback } from './feedback-store';
import { takeAttachment } from './take-attachment';
import { newTrackingCode, TRACKING_CODE_BYTES, trackingCodeHash } from './tracking-code';

export type SubmitFeedbackDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'logger' | 'keyRing' | 'blobs'>;

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

/** The browser's sender id (a new one if its cookie is missing or bad) and the cookie to set again. */
export async function senderOf(
  deps: Pick<Deps, 'clock' | 'ids' | 'keyRing'>,
  senderToken: string | undefined,
): Promise<{ deviceId: string; sender: { token: string; maxAgeSeconds: number } }> {
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  const key = await deps.keyRing.key('respondent');
  const known = verifyDeviceToken(key, senderToken, SENDER, nowSeconds);
  const deviceId = known?.deviceId ?? deps.ids.newId();
  return {
    deviceId,
    sender: {
      token: signDeviceToken(key, { deviceId, account: SENDER, expiresAt: nowSeconds + SENDER_TOKEN_TTL_SECONDS }),
      maxAgeSeconds: SENDER_TOKEN_TTL_SECONDS,
    },
  };
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
  const { deviceId, sender } = await senderOf(deps, input.senderToken);
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
  const { category, text, email, attachmentSlot } = input.feedback;
  const feedbackId = deps.ids.newId();
  const taken = attachmentSlot
    ? await takeAttachment(deps, { slotId: attachmentSlot, institutionId: institution.institutionId, feedbackId, now })
    : undefined;
  const feedback: Feedback = {
    feedbackId,
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
    ...(taken ? { attachment: taken.attachment } : {}),
  };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await putNewFeedback(
      deps.store,
      feedback,
      trackingCodeHash(trackingCode),
      taken ? [consumeSlot(taken.slot, nowSeconds)] : [],
    );
  } catch (error) {
    if (taken) await deps.blobs.documents.delete(taken.blobKey).catch(() => {});
    // The slot was taken by a parallel sending (or expired) meanwhile: this one stores nothing.
    if (failedConditions(error).includes(2)) throw attachmentProblem(attachmentMessages.unusable);
    throw error;
  }
  if (taken) {
    // The upload is no longer needed; if this fails, the bucket's lifecycle removes it.
    await deps.blobs.documents.delete(slotBlobKey(taken.slot.slotId)).catch((error: unknown) => {
      deps.logger.warn('feedback: slot upload not deleted', { error: String(error) });
    });
  }
  return { trackingCode, sender };
}
