import type { Rubric } from '../editions/rubric';
import { maxTotal } from '../editions/rubric';
import { rubricCriteria, sheetTotal } from './scoring';
import type { ScoringSettings } from '../editions/scoring-settings';
import type { SheetContent } from './sheet';

export interface CriterionSpread {
  code: string;
  min: number;
  max: number;
  spread: number;
  /** The criterion's whole scale (its maximum points). */
  scale: number;
  /** At least half the scale apart. */
  flagged: boolean;
}

export interface Disagreement {
  /** Spread of the submitted totals. */
  totalSpread: number;
  /** The spread as a share of the rubric's maximum, in percent. */
  totalSpreadPercent: number;
  totalFlagged: boolean;
  criteria: CriterionSpread[];
  flagged: boolean;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Whether the submitted sheets of one application disagree (issue 13 §7): their totals differ by
 * more than the edition's threshold share of the maximum, or some criterion's scores differ by at
 * least half its scale. Needs two sheets; fewer never disagree. Order of the sheets does not matter.
 */
export function disagreementOf(
  rubric: Rubric,
  sheets: Pick<SheetContent, 'scores' | 'contacts'>[],
  settings: Pick<ScoringSettings, 'disagreementPercent'>,
): Disagreement {
  const max = maxTotal(rubric);
  const totals = sheets.map((s) => sheetTotal(rubric, s).total);
  const totalSpread = totals.length >= 2 ? round(Math.max(...totals) - Math.min(...totals)) : 0;
  const totalSpreadPercent = max > 0 ? round((totalSpread / max) * 100) : 0;
  const totalFlagged = totals.length >= 2 && totalSpreadPercent > settings.disagreementPercent;
  const criteria = rubricCriteria(rubric).flatMap((c): CriterionSpread[] => {
    const scores = sheets.map((s) => s.scores[c.code]).filter((v): v is number => typeof v === 'number');
    if (scores.length < 2) return [];
    const min = Math.min(...scores);
    const high = Math.max(...scores);
    const spread = round(high - min);
    return [{ code: c.code, min, max: high, spread, scale: c.maxPoints, flagged: spread >= c.maxPoints / 2 }];
  });
  return {
    totalSpread,
    totalSpreadPercent,
    totalFlagged,
    criteria,
    flagged: totalFlagged || criteria.some((c) => c.flagged),
  };
}
