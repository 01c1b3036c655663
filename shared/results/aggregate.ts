import { maxTotal, type Rubric } from '../editions/rubric';
import { enabledChannels, rubricCriteria } from '../reviews/scoring';
import type { Aggregation } from './results-settings';

/**
 * Aggregation of submitted score sheets into one result per application (issue 14). Pure: no I/O.
 *
 * Per criterion the mean (default) or median of the sheets' points; the weighted total and the
 * percentage of the rubric's maximum follow the rubric exactly as `sheetTotal` and `maxTotal` count.
 * Every aggregate sorts its values before summing, so the result does not depend on the order of
 * the sheets (or of the experts) even in the last bit of floating point.
 */
export { type Aggregation, aggregations, type Basis, bases } from './results-settings';

/** One submitted sheet reduced to what results need. `scores`: criterion code → points (unweighted). `shopper`: the sheet's mystery-shopper points (sheetTotal(...).shopper). */
export interface SheetScores {
  applicationId: string;
  expertId: string;
  scores: Record<string, number>;
  shopper: number;
}

/** Rounded to `decimals`, robust to binary noise (1.005 → 1.01 at 2 decimals). */
export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = n * f;
  return Math.round(scaled + Math.sign(scaled) * Math.abs(scaled) * Number.EPSILON) / f;
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

function nonEmpty(values: readonly number[], what: string) {
  if (values.length === 0) throw new Error(`${what} of no values`);
}

/** The arithmetic mean (summed in ascending order, so independent of the input order). Throws on empty. */
export function mean(values: readonly number[]): number {
  nonEmpty(values, 'mean');
  return ascending(values).reduce((sum, v) => sum + v, 0) / values.length;
}

/** The median; for an even count the mean of the two middle values. Throws on empty. */
export function median(values: readonly number[]): number {
  nonEmpty(values, 'median');
  const sorted = ascending(values);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function aggregateValues(values: readonly number[], how: Aggregation): number {
  return how === 'median' ? median(values) : mean(values);
}

export interface ApplicationScore {
  applicationId: string;
  /** How many sheets were aggregated. */
  sheets: number;
  /** Aggregated points per criterion (unweighted), rounded to 3 decimals. */
  criteria: Record<string, number>;
  /** Aggregated shopper points (3 decimals). */
  shopper: number;
  /** Σ aggregated criterion × weight per area code (3 decimals). */
  byArea: Record<string, number>;
  /** Σ byArea + shopper (3 decimals). */
  total: number;
  /** total / maxTotal(rubric) × 100, 2 decimals (0 for a rubric whose maximum is 0). */
  percent: number;
}

/**
 * Per criterion the mean/median of the sheets' scores (a criterion a sheet left unscored counts 0);
 * weights as the rubric says. Scores of codes the rubric does not have are ignored. With no sheets
 * every figure is 0 and `sheets` is 0 (an application nobody scored scores nothing).
 */
export function aggregateApplication(
  rubric: Rubric,
  applicationId: string,
  sheets: readonly SheetScores[],
  how: Aggregation,
): ApplicationScore {
  const criteria: Record<string, number> = {};
  const byArea: Record<string, number> = {};
  for (const area of rubric.areas) byArea[area.code] = 0;
  let weighted = 0;
  for (const c of rubricCriteria(rubric)) {
    const values = sheets.map((s) => s.scores[c.code] ?? 0);
    const value = values.length === 0 ? 0 : roundTo(aggregateValues(values, how), 3);
    criteria[c.code] = value;
    byArea[c.areaCode] = (byArea[c.areaCode] ?? 0) + value * c.weight;
  }
  for (const code of Object.keys(byArea)) {
    byArea[code] = roundTo(byArea[code] as number, 3);
    weighted += byArea[code] as number;
  }
  const shopper =
    sheets.length === 0 || enabledChannels(rubric).length === 0
      ? 0
      : roundTo(
          aggregateValues(
            sheets.map((s) => s.shopper),
            how,
          ),
          3,
        );
  const total = roundTo(weighted + shopper, 3);
  const max = maxTotal(rubric);
  return {
    applicationId,
    sheets: sheets.length,
    criteria,
    shopper,
    byArea,
    total,
    percent: max > 0 ? roundTo((total / max) * 100, 2) : 0,
  };
}

/** Σ max × weight of each area's criteria, per area code. */
export function areaMaxima(rubric: Rubric): Record<string, number> {
  return Object.fromEntries(
    rubric.areas.map((a) => [
      a.code,
      roundTo(
        a.criteria.reduce((sum, c) => sum + c.maxPoints * c.weight, 0),
        3,
      ),
    ]),
  );
}

/** Area percent: byArea[code] / (Σ max×weight of the area) × 100, 2 decimals, per area code (0 for an empty area). */
export function areaPercents(rubric: Rubric, score: ApplicationScore): Record<string, number> {
  const maxima = areaMaxima(rubric);
  return Object.fromEntries(
    rubric.areas.map((a) => {
      const max = maxima[a.code] ?? 0;
      return [a.code, max > 0 ? roundTo(((score.byArea[a.code] ?? 0) / max) * 100, 2) : 0];
    }),
  );
}
