import { listExpertAssignments } from '../assignment/assignment-store';
import { recordAudit } from '../audit/audit-store';
import { listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { scoringSettingsOf } from '../editions/edition';
import { allEditions } from '../editions/edition-read-store';
import { dueReminder } from './progress';
import { reviewLink, reviewMail } from './review-mail';
import { claimReminder, sheetsOfEdition } from './sheet-store';

export type ReminderDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>;

/**
 * The scheduled reminder job (issue 13 §6), run by the worker: hourly in the cloud (EventBridge →
 * the job queue), by a timer in `npm start`. For each edition in review whose reminder point has
 * come (N days before the scoring deadline, as the edition says; once after it), every expert with
 * unsubmitted sheets is mailed — once: a marker item per (edition, point, expert) is written first,
 * conditionally, so a second or concurrent run mails nobody again. Experts who submitted everything
 * get nothing.
 */
export async function runScoringReminders(deps: ReminderDeps): Promise<{ sent: number }> {
  const now = deps.clock.now();
  let sent = 0;
  for (const edition of await allEditions(deps.store)) {
    if (edition.state !== 'review') continue;
    const point = dueReminder(scoringSettingsOf(edition).reminderDaysBefore, edition.timeline.reviewEnd, now);
    if (!point) continue;
    const [{ experts }, sheets, members] = await Promise.all([
      listExpertAssignments(deps.store, edition.editionId),
      sheetsOfEdition(deps.store, edition.editionId),
      listMembers(deps.store, edition.editionId),
    ]);
    const submitted = new Set(
      sheets.filter((s) => s.status === 'submitted').map((s) => `${s.applicationId} ${s.expertId}`),
    );
    const people = new Map(members.map((m) => [m.userId, m]));
    let mailed = 0;
    for (const expert of experts) {
      const pending = expert.pairs.filter((p) => !p.flagged && !submitted.has(`${p.applicationId} ${expert.userId}`));
      const person = people.get(expert.userId);
      if (pending.length === 0 || !person) continue;
      if (!(await claimReminder(deps.store, edition.editionId, point, expert.userId, now.toISOString()))) continue;
      await deps.mail.send(
        reviewMail(person, {
          kind: 'reminder',
          editionName: `${edition.name} (${edition.number})`,
          deadline: edition.timeline.reviewEnd,
          pending: pending.length,
          point,
          link: reviewLink(deps.settings.publicOrigin, edition.editionId),
        }),
      );
      mailed++;
    }
    if (mailed > 0) {
      await recordAudit(deps, {
        action: 'scoring.reminderSent',
        actor: { label: 'system' },
        subject: { type: 'edition', id: edition.editionId, label: edition.name },
        details: { point, experts: mailed },
      });
    }
    sent += mailed;
  }
  return { sent };
}
