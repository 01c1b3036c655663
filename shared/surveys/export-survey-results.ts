import type { Deps } from '../deps';
import { getSurveyResults } from './get-survey-results';
import { listVisibleComments } from './survey-store';
import { surveyWorkbookSheets } from './survey-workbook';

/**
 * The survey's results as an XLSX workbook (issue 18 §3): overall, by month, by matter, by channel and
 * the comments not hidden — the page's figures with the page's suppression (a hidden figure is an
 * empty cell with a note saying why), and no comment at all below the survey's minimum. exceljs is
 * imported here, on use: no other request of the api loads it.
 */
export async function exportSurveyResults(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string; surveyId: string },
): Promise<{ body: Uint8Array; fileName: string }> {
  const results = await getSurveyResults(deps, input);
  const comments = results.all.n >= results.minAnswers ? await listVisibleComments(deps.store, input.surveyId) : null;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const spec of surveyWorkbookSheets(results, comments)) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(spec.header).font = { bold: true };
    for (const row of spec.rows) {
      const added = sheet.addRow(row);
      const note = spec.noteColumn === undefined ? null : row[spec.noteColumn];
      row.forEach((value, i) => {
        const format = spec.formats[i];
        if (typeof value === 'number' && format) added.getCell(i + 1).numFmt = format;
      });
      // A hidden row's n carries the reason as a cell note too (an empty cell cannot hold one in XLSX).
      if (typeof note === 'string' && spec.countColumn !== undefined) added.getCell(spec.countColumn + 1).note = note;
    }
    spec.header.forEach((h, i) => {
      const longest = spec.rows.reduce((m, r) => Math.max(m, String(r[i] ?? '').length), h.length);
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return {
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    fileName: `wyniki-ankiety-${results.survey.opensOn}-${input.surveyId}.xlsx`,
  };
}
