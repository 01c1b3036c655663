import type { Rubric } from '../editions/rubric';
import { maxTotal } from '../editions/rubric';
import { rubricCriteria, sheetTotal } from './scoring';
import type { ScoreSheet } from './sheet';

/** One cell of the scores export: text, a number, or a moment shown as Warsaw wall time. */
export type ScoreCell = string | number | Date | null;

export interface ScoresTable {
  header: string[];
  rows: ScoreCell[][];
  /** Columns holding numbers (for the number format) and the date column's index. */
  numberColumns: number[];
  dateColumn: number;
}

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

const statusPl: Record<ScoreSheet['status'], string> = { draft: 'szkic', submitted: 'złożona' };

/**
 * The scores export (issue 13 §9): one row per sheet (application × expert), a column per criterion
 * (its code and Polish name, the points as numbers), then the mystery-shopper points per channel, the
 * weighted total and its share of the maximum. Ordered by institution, then expert. Pure.
 */
export function scoresTable(
  rubric: Rubric,
  sheets: ScoreSheet[],
  names: { institution: (applicationId: string) => string; expert: (expertId: string) => string },
): ScoresTable {
  const criteria = rubricCriteria(rubric);
  const channels = rubric.mysteryShopper.enabled ? rubric.mysteryShopper.channels.map((c) => c.channel) : [];
  const channelPl: Record<string, string> = {
    visit: 'wizyta',
    phone: 'telefon',
    email: 'e-mail',
    socialMedia: 'media społecznościowe',
    website: 'strona internetowa',
  };
  const header = [
    'Instytucja',
    'Ekspert',
    'Status karty',
    'Złożono (czas polski)',
    ...criteria.map((c) => `${c.code} ${c.name.pl}`),
    ...channels.map((ch) => `Tajemniczy klient: ${channelPl[ch] ?? ch}`),
    'Suma punktów',
    '% maksimum',
  ];
  const max = maxTotal(rubric);
  const rows = sheets
    .map((s) => ({ s, institution: names.institution(s.applicationId), expert: names.expert(s.expertId) }))
    .sort((a, b) => a.institution.localeCompare(b.institution, 'pl') || a.expert.localeCompare(b.expert, 'pl'))
    .map(({ s, institution, expert }) => {
      const total = sheetTotal(rubric, s);
      return [
        institution,
        expert,
        statusPl[s.status],
        s.submittedAt ? warsawWallTime(s.submittedAt) : null,
        ...criteria.map((c) => s.scores[c.code] ?? null),
        ...channels.map((ch) => total.byChannel[ch] ?? 0),
        total.total,
        max > 0 ? Math.round((total.total / max) * 1000) / 10 : 0,
      ];
    });
  const first = 4;
  return {
    header,
    rows,
    numberColumns: Array.from({ length: header.length - first }, (_, i) => first + i),
    dateColumn: 3,
  };
}
