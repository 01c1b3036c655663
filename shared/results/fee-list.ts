import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { exportLabels } from '../exports/export-labels';
import { toCsv } from '../exports/spreadsheet';
import { xlsxWorkbook } from '../exports/xlsx';
import type { Language } from '../language';
import type { ApplicationResult } from './results';
import { listEditionResults } from './results-store';
import { compareCodeUnits, comparePolish } from '../text/polish-order';

/**
 * The laureates' fee list for invoicing (issue 14 §7): headers in the organizer's language (Polish
 * unless asked in English), amounts in złoty with grosze, as XLSX (real numbers, widths, the header
 * frozen) or as CSV for Polish Excel (`;`, CRLF, UTF-8 BOM; shared/exports/spreadsheet.ts).
 * One Query (gsi2, the `laureate#` prefix). Built by the worker as the `fees` / `fees-csv` export.
 */
export const feeHeader = exportLabels.pl.fees.header;

const zl = (grosze: number) => grosze / 100;
/** The money columns (the discount percent, column 6, is a whole number, not money). */
const moneyColumns = [5, 7, 8, 9, 10];

export function feeRows(results: ApplicationResult[], language: Language = 'pl'): (string | number)[][] {
  const words = exportLabels[language];
  return results
    .filter((r) => r.fee)
    .sort(
      (a, b) =>
        comparePolish(a.institution.name, b.institution.name) || compareCodeUnits(a.applicationId, b.applicationId),
    )
    .map((r) => {
      const fee = r.fee!;
      return [
        r.institution.name,
        r.institution.nip,
        r.institution.town,
        words.fees.bracket(fee.bracket),
        language === 'en' && r.category.name.en ? r.category.name.en : r.category.name.pl,
        zl(fee.listNet),
        fee.discountPercent,
        zl(fee.discount),
        zl(fee.net),
        zl(fee.vat),
        zl(fee.gross),
        r.returningLaureate ? words.yes : words.no,
      ];
    });
}

/** Money with two decimals (a comma in Polish, a point in English), written as text so "3500,00" keeps its grosze. */
export function feeCsv(rows: (string | number)[][], language: Language = 'pl'): string {
  const money = (v: string | number) => {
    if (typeof v !== 'number') return v;
    const s = v.toFixed(2);
    return language === 'pl' ? s.replace('.', ',') : s;
  };
  return toCsv(
    exportLabels[language].fees.header,
    rows.map((r) => r.map((v, i) => (moneyColumns.includes(i) ? money(v) : v))),
    language,
  );
}

export async function feeList(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; format: 'fees' | 'fees-csv'; language?: Language },
): Promise<{ fileName: string; body: Uint8Array; rows: number; contentType: string }> {
  const language = input.language ?? 'pl';
  const edition = await getEdition(deps.store, input.editionId);
  const rows = feeRows(await listEditionResults(deps.store, input.editionId, 'laureate'), language);
  const base = `oplaty-laureatow-${edition.year}-${edition.number.replace(/[^0-9A-Za-z]+/g, '-')}`.toLowerCase();
  if (input.format === 'fees-csv')
    return {
      fileName: `${base}.csv`,
      body: new TextEncoder().encode(feeCsv(rows, language)),
      rows: rows.length,
      contentType: 'text/csv; charset=utf-8',
    };
  const body = await xlsxWorkbook({
    name: exportLabels[language].fees.sheet,
    header: exportLabels[language].fees.header,
    rows,
    numberFormats: Object.fromEntries(moneyColumns.map((i) => [i, '#,##0.00'])),
  });
  return {
    fileName: `${base}.xlsx`,
    body,
    rows: rows.length,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
