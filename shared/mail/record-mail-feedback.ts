import type { Deps } from '../deps';
import type { MailFeedback } from './ses-feedback';
import { maskAddress } from './suppression';
import { recordSuppression } from './suppression-store';

export type RecordMailFeedbackDeps = Pick<Deps, 'store' | 'logger'> & {
  /** The SES feedback topic (MAIL_FEEDBACK_TOPIC_ARN); notifications from any other are refused. */
  feedbackTopicArn?: string;
};

/**
 * A bounce or complaint from SES: a permanent bounce or any complaint suppresses each recipient
 * (no more mail to it, shared/mail/suppressing-mailer.ts); a transient or undetermined bounce is only
 * logged (a full mailbox, an auto-reply: SES itself retried, and the next mail may well arrive).
 * Logs never carry a whole address.
 */
export async function recordMailFeedback(deps: RecordMailFeedbackDeps, feedback: MailFeedback): Promise<void> {
  if (feedback.kind === 'other') {
    deps.logger.info('mail event ignored', { eventType: feedback.eventType, messageId: feedback.messageId });
    return;
  }
  const masked = feedback.recipients.map(maskAddress);
  if (feedback.kind === 'bounce' && feedback.bounceType !== 'Permanent') {
    deps.logger.info('mail bounced (not permanent): not suppressed', {
      bounceType: feedback.bounceType,
      bounceSubType: feedback.bounceSubType,
      recipients: masked,
      messageId: feedback.messageId,
    });
    return;
  }
  const reason = feedback.kind;
  for (const address of feedback.recipients) {
    const outcome = await recordSuppression(deps.store, {
      address,
      reason,
      ...(feedback.kind === 'bounce' && feedback.bounceSubType ? { bounceSubType: feedback.bounceSubType } : {}),
      at: feedback.at,
      feedbackId: feedback.feedbackId,
    });
    deps.logger.warn(outcome === 'recorded' ? 'mail address suppressed' : 'mail feedback already recorded', {
      reason,
      recipient: maskAddress(address),
      messageId: feedback.messageId,
    });
  }
}
