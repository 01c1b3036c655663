import type { Language } from '../language';

/**
 * What the exports have in common (issue 16 §1), pure: a cell is text, a number, a moment (a Date
 * holding Warsaw wall time, see `warsawWallTime`), a calendar day (a date question's answer, see
 * `calendarDay`) or empty; CSV as Polish Excel reads it; column widths that fit the content.
 */
export type Cell = string | number | Date | CalendarDay | null;

/** A day without a time ("2026-02-01"): a date cell formatted as a day in the XLSX, the same text in the CSV. */
export interface CalendarDay {
  day: string;
}

/** A stored `YYYY-MM-DD` answer as a day cell; anything else stays text (it is shown, not lost). */
export const calendarDay = (value: string): CalendarDay | string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? { day: value } : value;

export const isCalendarDay = (c: Cell | undefined): c is CalendarDay =>
  typeof c === 'object' && c !== null && !(c instanceof Date);

/** The XLSX cell value of a day: midnight UTC of it (spreadsheets have no time zones). */
export const dayDate = (c: CalendarDay) => new Date(`${c.day}T00:00:00Z`);

/**
 * A moment as the wall-clock time in Warsaw, encoded as a UTC Date: spreadsheets have no time
 * zones, so the cell shows what a clerk in Poland would read on the clock.
 */
export function warsawWallTime(iso: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return new Date(
    Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour, parts.minute, parts.second),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-time Date as text: "2026-03-01 11:00" (the XLSX cells show the same through their format). */
export const wallTimeText = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** The XLSX number format of the moments, matching `wallTimeText`. */
export const dateTimeFormat = 'yyyy-mm-dd hh:mm';
/** The XLSX number format of the days. */
export const dateFormat = 'yyyy-mm-dd';

/** A number as a clerk in that language writes it: a decimal comma in Polish ("993,6"), a point in English. */
export const numberText = (n: number, language: Language) =>
  language === 'pl' ? String(n).replace('.', ',') : String(n);

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets an apostrophe: answers are untrusted. */
const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** RFC 4180 with `;` as the separator: a field with `;`, `"`, CR or LF is quoted, its quotes doubled. */
const csvField = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvCell(cell: Cell, language: Language): string {
  if (cell === null) return '';
  if (cell instanceof Date) return wallTimeText(cell);
  if (isCalendarDay(cell)) return cell.day;
  if (typeof cell === 'number') return numberText(cell, language);
  return csvField(defuse(cell));
}

/**
 * CSV for Polish Excel: a UTF-8 BOM (or Excel reads the letters as cp1250), `;` between fields (the
 * comma is the Polish decimal separator), CRLF after every record, the last one too.
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][], language: Language): string {
  const lines = [header, ...rows].map((r) => r.map((c) => csvCell(c, language)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Column widths (in characters) that fit the header and the longest value, within 8–60. */
export function columnWidths(header: readonly string[], rows: readonly Cell[][]): number[] {
  return header.map((h, i) => {
    const longest = rows.reduce((n, r) => {
      const c = r[i];
      const text =
        c === null || c === undefined ? '' : c instanceof Date ? wallTimeText(c) : isCalendarDay(c) ? c.day : String(c);
      const line = text.split(/\r?\n/).reduce((m, l) => Math.max(m, l.length), 0);
      return Math.max(n, line);
    }, 0);
    return Math.min(60, Math.max(8, Math.min(h.length, 40), longest) + 2);
  });
}
