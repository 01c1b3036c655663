import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import type { TransactItem } from '../store/store';
import { findSheet, sheetDelete } from './sheet-store';

/**
 * Recusal during scoring (issue 13 §5): the writes that discard a recused expert's sheets of the
 * applications just flagged — each sheet deleted from the version read, its content kept in the audit
 * — for the conflict's own transaction, so the expert who replaces them starts blank and nothing of
 * the recused review counts. No sheet, no write.
 */
export async function discardRecusedSheets(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: {
    expertId: string;
    applicationIds: string[];
    actor: { userId?: string; label: string };
    ip: string;
    subjectLabel: string;
  },
): Promise<TransactItem[]> {
  const sheets = await Promise.all(
    input.applicationIds.map((applicationId) => findSheet(deps.store, applicationId, input.expertId, true)),
  );
  return sheets.flatMap((sheet) =>
    sheet
      ? [
          sheetDelete(sheet),
          auditPut(deps, {
            action: 'sheet.discarded',
            actor: input.actor,
            subject: { type: 'application', id: sheet.applicationId, label: input.subjectLabel },
            ip: input.ip,
            before: {
              status: sheet.status,
              scores: sheet.scores,
              areaJustifications: sheet.areaJustifications,
              criterionJustifications: sheet.criterionJustifications,
              feedback: sheet.feedback,
              privateNote: sheet.privateNote,
            },
            details: { expertId: sheet.expertId, editionId: sheet.editionId, reason: 'recusal' },
          }),
        ]
      : [],
  );
}
