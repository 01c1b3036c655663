import type { Rubric } from '../editions/rubric';
import { enabledChannels, rubricCriteria } from '../reviews/scoring';
import { mean, type SheetScores } from './aggregate';

/**
 * Calibration of harsh and lenient experts (issue 14; the z-score method Evalato uses). Pure.
 *
 * For each expert and each criterion, over ALL that expert's sheets in the edition:
 *   z = (x − mean) / SD   (population SD; a criterion a sheet left unscored counts 0, as in aggregation)
 * An expert with fewer than 2 sheets, or with no spread on a criterion (every score equal), gets
 * z = 0 there: there is nothing to calibrate against, so the expert's scores say "average".
 *
 * z is rescaled to the criterion's scale by a FIXED mapping that does not look at the expert's own
 * level or spread:
 *   calibrated = clamp(max × (0.5 + z / 4), 0, max)
 * so an application one of the expert's own standard deviations above their own average gets 75 %
 * of the criterion, two SDs above gets the maximum. The mystery-shopper points are calibrated the
 * same way over each expert's sheets' shopper totals, with the rubric's shopper maximum as the
 * scale (0 when mystery shopping is off, so calibrated shopper points are then 0).
 *
 * Strict invariance (the property the tests check): if every score of one expert is shifted by a
 * constant (a harsh expert who gives everyone one point less) or multiplied by a positive factor,
 * that expert's z-scores are unchanged, so NO calibrated value of any sheet changes. The input need
 * not lie in the criterion's range for this to hold: only the output is clamped.
 *
 * Calibrated sheets are aggregated with `aggregateApplication` like raw ones and shown beside them.
 */
export interface CalibrationReport {
  expertId: string;
  sheets: number;
  /** ≥ 2 sheets and some spread on at least one criterion (or the shopper points). */
  calibratable: boolean;
}

/**
 * z-scores of one expert's values on one criterion, in input order. All zeros for fewer than 2
 * values or no spread (every value equal — compared exactly, so a constant never yields rounding
 * noise as a fake spread).
 */
export function zScores(values: readonly number[]): number[] {
  if (values.length < 2 || values.every((v) => v === values[0])) return values.map(() => 0);
  const m = mean(values);
  const deviations = values.map((v) => v - m);
  const sd = Math.sqrt(mean(deviations.map((d) => d * d)));
  if (!(sd > 0)) return values.map(() => 0);
  return deviations.map((d) => d / sd);
}

/** The fixed rescaling of a z-score to a criterion worth `max`. */
export const rescale = (z: number, max: number) => Math.min(max, Math.max(0, max * (0.5 + z / 4)));

/** The rubric's mystery-shopper maximum: Σ the enabled channels' item points (0 when off). */
export const shopperMax = (rubric: Rubric) =>
  enabledChannels(rubric)
    .flatMap((c) => c.items)
    .reduce((sum, i) => sum + i.points, 0);

/** Each sheet with its scores (every rubric criterion) and shopper points replaced by calibrated ones, in input order; one report per expert, by expertId. */
export function calibrateSheets(
  rubric: Rubric,
  sheets: readonly SheetScores[],
): { sheets: SheetScores[]; experts: CalibrationReport[] } {
  const criteria = rubricCriteria(rubric);
  const smax = shopperMax(rubric);
  const byExpert = new Map<string, number[]>();
  sheets.forEach((s, i) => {
    const list = byExpert.get(s.expertId) ?? [];
    list.push(i);
    byExpert.set(s.expertId, list);
  });
  const out: SheetScores[] = sheets.map((s) => ({ ...s, scores: {}, shopper: 0 }));
  const experts: CalibrationReport[] = [];
  for (const [expertId, indexes] of byExpert) {
    const own = indexes.map((i) => sheets[i] as SheetScores);
    let spread = false;
    for (const c of criteria) {
      const values = own.map((s) => s.scores[c.code] ?? 0);
      const zs = zScores(values);
      if (zs.some((z) => z !== 0)) spread = true;
      indexes.forEach((i, k) => {
        (out[i] as SheetScores).scores[c.code] = rescale(zs[k] ?? 0, c.maxPoints);
      });
    }
    const shopperZ = zScores(own.map((s) => s.shopper));
    if (smax > 0 && shopperZ.some((z) => z !== 0)) spread = true;
    indexes.forEach((i, k) => {
      (out[i] as SheetScores).shopper = rescale(shopperZ[k] ?? 0, smax);
    });
    experts.push({ expertId, sheets: indexes.length, calibratable: indexes.length >= 2 && spread });
  }
  experts.sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  return { sheets: out, experts };
}
