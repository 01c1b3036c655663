import { recordAudit } from '../audit/audit-store';
import type { Deps } from '../deps';
import type { Mailer } from '../platform/mailer';
import { maskAddress, suppressionAddress } from './suppression';
import { findSuppression } from './suppression-store';

export type SuppressionCheckDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'logger'>;

/** What `send` resolves with when the address is suppressed (no provider message id exists). */
export const skippedMessageId = 'suppressed';

/**
 * Every mail the platform sends (the api's account mail, the worker's jobs) goes through this: one
 * GetItem of the recipient's suppression item, and a suppressed address is not mailed. The skip is an
 * audit entry the organizer sees (mail.skippedSuppressed, subject: the address) and a log line with
 * the address masked; the caller is not failed, so a mail job is done, not dead-lettered.
 * `deps` is called on the first send only: building the wrapper costs a request that sends no mail nothing.
 */
export function suppressingMailer<M extends Mailer>(inner: M, deps: () => SuppressionCheckDeps): M {
  return {
    ...inner,
    async send(message) {
      const d = deps();
      const address = suppressionAddress(message.to);
      const suppression = await findSuppression(d.store, address);
      if (!suppression) return inner.send(message);
      await recordAudit(d, {
        action: 'mail.skippedSuppressed',
        actor: { label: 'system' },
        subject: { type: 'email', id: address },
        details: { subject: message.subject, reason: suppression.reason, suppressedSince: suppression.firstAt },
      });
      d.logger.warn('mail skipped: address suppressed', {
        recipient: maskAddress(address),
        reason: suppression.reason,
      });
      return skippedMessageId;
    },
  };
}
