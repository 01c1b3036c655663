import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { warsawDate } from '../surveys/survey';
import { canMove, type FeedbackStatus, moved } from './feedback';
import { feedbackStatusMail } from './feedback-mail';
import { findFeedback, saveFeedback } from './feedback-store';
import { type StaffFeedback, staffView } from './list-feedback';

export type ChangeFeedbackStatusDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'logger' | 'settings'>;

const stale = () =>
  new AppError('CONCURRENT_MODIFICATION', 'The feedback’s status changed meanwhile', {
    detail: {
      pl: 'Ktoś w międzyczasie zmienił status tej opinii (np. w innej karcie). Odśwież ją i wybierz ponownie.',
      en: 'Someone changed this feedback’s status meanwhile (in another tab, perhaps). Reload it and choose again.',
    },
  });

/**
 * Moves a feedback from the status the clerk saw (`from`) to `to` (issue 18 §6). The write is
 * conditional on the version read, so of two tabs moving the same item from the same status only the
 * first succeeds; the second gets 409 naming what happened. Audited; a resident who left an e-mail gets
 * a status mail (after the write: a failed mail never undoes the move).
 */
export async function changeFeedbackStatus(
  deps: ChangeFeedbackStatusDeps,
  input: { caller: Caller; institutionId: string; feedbackId: string; from: FeedbackStatus; to: FeedbackStatus },
): Promise<StaffFeedback> {
  const [feedback, actor] = await Promise.all([
    findFeedback(deps.store, input.institutionId, input.feedbackId, { consistent: true }),
    callerActor(deps.store, input.caller),
  ]);
  if (!feedback) throw new AppError('NOT_FOUND', 'No such feedback');
  if (feedback.status !== input.from) throw stale();
  if (!canMove(input.from, input.to))
    throw new AppError('INVALID_STATE', 'This status change is not allowed', {
      detail: {
        pl: `Opinii o statusie „${input.from}” nie można przenieść do „${input.to}”.`,
        en: `A feedback in status "${input.from}" cannot move to "${input.to}".`,
      },
    });
  const now = deps.clock.now();
  const changed = {
    ...feedback,
    ...moved(feedback, input.to, warsawDate(now), now.toISOString()),
    version: feedback.version + 1,
  };
  await saveFeedback(deps, changed, feedback.version, {
    action: 'feedback.statusChanged',
    actor,
    subject: { type: 'institution', id: input.institutionId },
    ip: input.caller.ip,
    before: { status: feedback.status },
    after: { status: changed.status },
    details: { feedbackId: feedback.feedbackId },
  });
  if (feedback.replyEmail)
    await deps.mail
      .send(
        feedbackStatusMail({
          to: feedback.replyEmail,
          institutionName: feedback.institutionName,
          submittedOn: feedback.submittedOn,
          status: changed.status,
          publicOrigin: deps.settings.publicOrigin,
        }),
      )
      .catch((error: unknown) =>
        deps.logger.error('feedback status mail failed', {
          feedbackId: feedback.feedbackId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  return staffView(changed);
}
