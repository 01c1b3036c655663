import type { Caller } from '../access/caller';
import { findHeader } from '../applications/application-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { reopenSheet } from './reopen-sheet';
import { sheetsOfApplication } from './sheet-store';

/**
 * From the disagreement queue (issue 13 §7): the organizer asks the experts of an application to
 * reconsider — each submitted sheet is reopened with the message and its expert mailed. Returns how
 * many sheets were reopened. (Adding one more expert is the assignment's manual add.)
 */
export async function askToReconsider(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs' | 'settings'>,
  input: { caller: Caller; editionId: string; applicationId: string; message: string },
): Promise<{ reopened: number }> {
  const [header, all] = await Promise.all([
    findHeader(deps.store, input.applicationId),
    sheetsOfApplication(deps.store, input.applicationId),
  ]);
  if (header?.editionId !== input.editionId) throw new AppError('NOT_FOUND', 'No such application in this edition');
  const sheets = all.filter((s) => s.status === 'submitted');
  if (sheets.length === 0) {
    throw new AppError('INVALID_STATE', 'No submitted sheets', {
      detail: { pl: 'To zgłoszenie nie ma złożonych kart ocen.', en: 'This application has no submitted sheets.' },
    });
  }
  for (const sheet of sheets) {
    await reopenSheet(deps, {
      caller: input.caller,
      editionId: input.editionId,
      applicationId: input.applicationId,
      expertId: sheet.expertId,
      reason: input.message,
      action: 'sheet.reconsiderationRequested',
    });
  }
  return { reopened: sheets.length };
}
