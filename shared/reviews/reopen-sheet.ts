import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { getHeader } from '../applications/application-read-store';
import { auditPut } from '../audit/audit-store';
import { getMember } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import { reviewLink, reviewMail } from './review-mail';
import { assertScoringOpen } from './review-access';
import type { ScoreSheet } from './sheet';
import { findSheet, markReopened } from './sheet-store';

export interface ReopenSheetInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  expertId: string;
  reason: string;
  /** What the audit records as the occasion (a single reopen, or a request to reconsider). */
  action?: 'sheet.reopened' | 'sheet.reconsiderationRequested';
}

/**
 * The organizer reopens a submitted sheet with a reason (issue 13 §2): it becomes a draft again for
 * its expert, the reason stays on it, the audit records who and why, and the expert is mailed (by the
 * worker). Only during review; a draft is 409.
 */
export async function reopenSheet(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs' | 'settings'>,
  input: ReopenSheetInput,
): Promise<ScoreSheet> {
  signedIn(input.caller);
  const [edition, header, sheet, expert] = await Promise.all([
    getEdition(deps.store, input.editionId),
    getHeader(deps.store, input.applicationId),
    findSheet(deps.store, input.applicationId, input.expertId, true),
    getMember(deps.store, input.editionId, input.expertId),
  ]);
  if (header.editionId !== input.editionId || !sheet) throw new AppError('NOT_FOUND', 'No such sheet');
  assertScoringOpen(edition);
  if (sheet.status !== 'submitted') {
    throw new AppError('INVALID_STATE', 'Sheet is a draft', {
      detail: { pl: 'Ta karta nie została jeszcze złożona.', en: 'This sheet has not been submitted yet.' },
    });
  }
  const actor = await callerActor(deps.store, input.caller);
  const now = deps.clock.now().toISOString();
  const reopened = await markReopened(deps.store, sheet, { at: now, by: actor.label, reason: input.reason }, [
    auditPut(deps, {
      action: input.action ?? 'sheet.reopened',
      actor,
      subject: { type: 'application', id: input.applicationId, label: header.institution.name },
      ip: input.caller.ip,
      before: { status: 'submitted' },
      after: { status: 'draft', reason: input.reason },
      details: { editionId: input.editionId, expertId: input.expertId, expert: expert.email },
    }),
  ]);
  const link = reviewLink(deps.settings.publicOrigin, input.editionId, input.applicationId);
  const message =
    input.action === 'sheet.reconsiderationRequested'
      ? reviewMail(expert, {
          kind: 'reconsider',
          institutionName: header.institution.name,
          message: input.reason,
          link,
        })
      : reviewMail(expert, { kind: 'reopened', institutionName: header.institution.name, reason: input.reason, link });
  await deps.jobs.send({ type: 'mail.send', message });
  return reopened;
}
