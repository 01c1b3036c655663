import { listExpertAssignments } from '../assignment/assignment-store';
import { listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { exportLabels } from '../exports/export-labels';
import { xlsxWorkbook } from '../exports/xlsx';
import type { Language } from '../language';
import { scoresTable } from './scores-table';
import { sheetsOfEdition } from './sheet-store';

/**
 * The organizer's scores workbook (issue 13 §9): every sheet of the edition, headers in the organizer's language, real
 * numbers and Warsaw dates, the header frozen. Three Queries (edition sheets on gsi1, the assignment,
 * the chapter). Built by the worker as the `scores` export (shared/exports/build-export.ts), so
 * exceljs stays out of the api function.
 */
export async function scoresWorkbook(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; language?: Language },
): Promise<{ fileName: string; body: Uint8Array; rows: number }> {
  const edition = await getEdition(deps.store, input.editionId);
  const [sheets, { experts }, members] = await Promise.all([
    sheetsOfEdition(deps.store, input.editionId),
    listExpertAssignments(deps.store, input.editionId),
    listMembers(deps.store, input.editionId),
  ]);
  const institutions = new Map(
    experts.flatMap((x) => x.pairs.map((p) => [p.applicationId, p.institutionName] as const)),
  );
  const people = new Map(members.map((m) => [m.userId, m.displayName]));
  const language = input.language ?? 'pl';
  const table = scoresTable(
    edition.rubric,
    sheets,
    { institution: (id) => institutions.get(id) ?? id, expert: (id) => people.get(id) ?? id },
    language,
  );
  const body = await xlsxWorkbook({
    name: exportLabels[language].scores.sheet,
    header: table.header,
    rows: table.rows,
  });
  const year = String(edition.year);
  return {
    fileName: `oceny-${edition.number.replace(/[^0-9A-Za-z]+/g, '-')}-${year}.xlsx`.toLowerCase(),
    body,
    rows: table.rows.length,
  };
}
