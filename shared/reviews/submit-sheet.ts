import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { scoringSettingsOf } from '../editions/edition';
import { AppError, isAppError } from '../errors';
import { assertScoringOpen, assignedApplication } from './review-access';
import { sheetTotal, submitProblems } from './scoring';
import type { ScoreSheet } from './sheet';
import { findSheet, markSubmitted } from './sheet-store';

/**
 * Submits the expert's sheet (issue 13 §2): completeness is checked and what is missing is named
 * (every criterion, each area's justification of the edition's minimum length, the lowest and
 * highest scores' justifications, every enabled mystery-shopper channel). Idempotent: submitting an
 * already submitted sheet answers it unchanged (a double click). After it the sheet is read-only for
 * the expert. Audited with the total.
 */
export async function submitSheet(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'metrics'>,
  input: { caller: Caller; editionId: string; applicationId: string; version: number },
): Promise<ScoreSheet> {
  const me = signedIn(input.caller);
  const { edition, header } = await assignedApplication(deps, { ...input, expertId: me.userId });
  const sheet = await findSheet(deps.store, input.applicationId, me.userId, true);
  if (sheet?.status === 'submitted' && sheet.version === input.version + 1) return sheet;
  assertScoringOpen(edition);
  if (!sheet) {
    throw new AppError('VALIDATION_FAILED', 'Nothing scored yet', {
      fields: { scores: { pl: 'Karta ocen jest pusta.', en: 'The score sheet is empty.' } },
    });
  }
  if (sheet.status === 'submitted' || sheet.version !== input.version) {
    throw new AppError('STALE_VERSION', 'Sheet changed meanwhile', {
      detail: {
        pl: 'Karta zmieniła się w międzyczasie. Wczytaj ją ponownie i sprawdź przed złożeniem.',
        en: 'The sheet changed meanwhile. Reload it and check before submitting.',
      },
    });
  }
  const problems = submitProblems(edition.rubric, sheet, scoringSettingsOf(edition));
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Sheet incomplete', { fields: problems });
  }
  const now = deps.clock.now().toISOString();
  const audit = [
    auditPut(deps, {
      action: 'sheet.submitted',
      actor: await callerActor(deps.store, input.caller),
      subject: { type: 'application', id: input.applicationId, label: header.institution.name },
      ip: input.caller.ip,
      after: { total: sheetTotal(edition.rubric, sheet).total, version: sheet.version + 1 },
      details: { editionId: input.editionId },
    }),
  ];
  try {
    const submitted = await markSubmitted(deps.store, sheet, now, audit);
    deps.metrics.count('SheetsSubmitted');
    return submitted;
  } catch (error) {
    // Two submits of the same version racing: the one that lost answers what the winner stored.
    const after = isAppError(error, 'STALE_VERSION')
      ? await findSheet(deps.store, input.applicationId, me.userId, true)
      : null;
    if (after?.status === 'submitted' && after.version === input.version + 1) return after;
    throw error;
  }
}
