import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-store';
import type { ApplicationResult } from './results';
import { listEditionResults } from './results-store';

/**
 * The laureates' fee list for invoicing (issue 14 §7): Polish headers, amounts in złoty with grosze,
 * as XLSX (real numbers, widths, the header frozen) or as CSV for Polish Excel (`;`, CRLF, UTF-8 BOM).
 * One Query (gsi2, the `laureate#` prefix). Built by the worker as the `fees` / `fees-csv` export.
 */
export const feeHeader = [
  'Instytucja',
  'NIP',
  'Miejscowość',
  'Liczba pracowników',
  'Kategoria',
  'Opłata wg cennika netto (zł)',
  'Rabat (%)',
  'Rabat (zł)',
  'Netto (zł)',
  'VAT 23% (zł)',
  'Brutto (zł)',
  'Laureat poprzedniej edycji',
] as const;

const zl = (grosze: number) => grosze / 100;

export function feeRows(results: ApplicationResult[]): (string | number)[][] {
  return results
    .filter((r) => r.fee)
    .sort(
      (a, b) =>
        a.institution.name.localeCompare(b.institution.name, 'pl') || a.applicationId.localeCompare(b.applicationId),
    )
    .map((r) => {
      const fee = r.fee!;
      return [
        r.institution.name,
        r.institution.nip,
        r.institution.town,
        fee.bracket === '201+' ? 'powyżej 200' : fee.bracket.replace('-', '–'),
        r.category.name.pl,
        zl(fee.listNet),
        fee.discountPercent,
        zl(fee.discount),
        zl(fee.net),
        zl(fee.vat),
        zl(fee.gross),
        r.returningLaureate ? 'tak' : 'nie',
      ];
    });
}

const csvCell = (v: string | number) => {
  const s = typeof v === 'number' ? v.toFixed(2).replace('.', ',') : v;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function feeCsv(rows: (string | number)[][]): string {
  // Discount percent is a whole number, not money: printed without decimals.
  const lines = [
    feeHeader.join(';'),
    ...rows.map((r) => r.map((v, i) => (i === 6 ? String(v) : csvCell(v))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function feeList(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; format: 'fees' | 'fees-csv' },
): Promise<{ fileName: string; body: Uint8Array; rows: number; contentType: string }> {
  const edition = await getEdition(deps.store, input.editionId);
  const rows = feeRows(await listEditionResults(deps.store, input.editionId, 'laureate'));
  const base = `oplaty-laureatow-${edition.year}-${edition.number.replace(/[^0-9A-Za-z]+/g, '-')}`.toLowerCase();
  if (input.format === 'fees-csv')
    return {
      fileName: `${base}.csv`,
      body: new TextEncoder().encode(feeCsv(rows)),
      rows: rows.length,
      contentType: 'text/csv; charset=utf-8',
    };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Opłaty', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...feeHeader]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 44 : i === 4 ? 28 : i === 11 ? 14 : 16;
    if (i >= 5 && i <= 10 && i !== 6) column.numFmt = '#,##0.00';
  });
  return {
    fileName: `${base}.xlsx`,
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    rows: rows.length,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
