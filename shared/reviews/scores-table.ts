import type { Rubric } from '../editions/rubric';
import { maxTotal } from '../editions/rubric';
import { rubricCriteria, sheetTotal } from './scoring';
import type { ScoreSheet } from './sheet';
import { inLanguage } from '../editions/localized';
import { exportLabels } from '../exports/export-labels';
import { type Cell, warsawWallTime } from '../exports/spreadsheet';
import type { Language } from '../language';
import { comparePolish } from '../text/polish-order';

/** One cell of the scores export: text, a number, or a moment shown as Warsaw wall time. */
export type ScoreCell = Cell;

export interface ScoresTable {
  header: string[];
  rows: ScoreCell[][];
  /** Columns holding numbers (for the number format) and the date column's index. */
  numberColumns: number[];
  dateColumn: number;
}

/** Kept here too: the scoring tests and older imports use it from this module. */
export { warsawWallTime };

/**
 * The scores export (issue 13 §9): one row per sheet (application × expert), a column per criterion
 * (its code and name in the organizer's language, the points as numbers), then the mystery-shopper points per channel, the
 * weighted total and its share of the maximum. Ordered by institution, then expert. Pure.
 */
export function scoresTable(
  rubric: Rubric,
  sheets: ScoreSheet[],
  names: { institution: (applicationId: string) => string; expert: (expertId: string) => string },
  language: Language = 'pl',
): ScoresTable {
  const words = exportLabels[language].scores;
  const criteria = rubricCriteria(rubric);
  const channels = rubric.mysteryShopper.enabled ? rubric.mysteryShopper.channels.map((c) => c.channel) : [];
  const header = [
    words.institution,
    words.expert,
    words.sheetStatus,
    words.submittedAt,
    ...criteria.map((c) => `${c.code} ${inLanguage(c.name, language)}`),
    ...channels.map((ch) => `${words.mysteryShopper}: ${words.channel[ch] ?? ch}`),
    words.total,
    words.percent,
  ];
  const max = maxTotal(rubric);
  const rows = sheets
    .map((s) => ({ s, institution: names.institution(s.applicationId), expert: names.expert(s.expertId) }))
    .sort((a, b) => comparePolish(a.institution, b.institution) || comparePolish(a.expert, b.expert))
    .map(({ s, institution, expert }) => {
      const total = sheetTotal(rubric, s);
      return [
        institution,
        expert,
        words.status[s.status],
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
