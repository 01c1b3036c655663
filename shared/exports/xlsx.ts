import { type Cell, columnWidths, dateFormat, dateTimeFormat, dayDate, isCalendarDay } from './spreadsheet';

/** One worksheet: its name, the header and the rows; optional number formats by column index. */
export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly Cell[][];
  numberFormats?: Record<number, string>;
}

/**
 * An XLSX workbook with one sheet as a clerk expects it: the header bold, frozen and filterable,
 * moments as real date cells ("2026-03-01 11:00"), a date question's days as date cells
 * ("2026-02-01"), numbers as numbers, columns as wide as their
 * content. exceljs is loaded on use: only the worker builds workbooks.
 */
export async function xlsxWorkbook(spec: SheetSpec): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow([...spec.header]);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const row of spec.rows) {
    const added = sheet.addRow(row.map((c) => (isCalendarDay(c) ? dayDate(c) : (c ?? null))));
    row.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      if (c instanceof Date) cell.numFmt = dateTimeFormat;
      else if (isCalendarDay(c)) cell.numFmt = dateFormat;
      else if (typeof c === 'number' && spec.numberFormats?.[i]) cell.numFmt = spec.numberFormats[i];
    });
  }
  columnWidths(spec.header, spec.rows).forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  if (spec.header.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.header.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
