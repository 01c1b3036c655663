import { type StandardAspect, standardAspects } from '../surveys/survey';
import type { SurveyCounts } from '../surveys/survey-counts';
import type { Histogram } from '../surveys/survey-statistics';

type Sum = [number, number, number, number, number];

/**
 * An institution's standard aspects over one calendar year: the month slices (Europe/Warsaw months,
 * YYYY-MM) of the year, summed over all its surveys' counts. Own questions are never compared.
 */
export function yearHistograms(counts: readonly SurveyCounts[], year: number): Record<StandardAspect, Histogram> {
  const prefix = `${year}-`;
  const sums: Record<StandardAspect, Sum> = {
    waiting: [0, 0, 0, 0, 0],
    usefulness: [0, 0, 0, 0, 0],
    engagement: [0, 0, 0, 0, 0],
  };
  for (const survey of counts) {
    for (const [month, slice] of Object.entries(survey.month)) {
      if (!month.startsWith(prefix)) continue;
      for (const aspect of standardAspects) {
        const histogram = slice.questions[aspect];
        if (histogram) sums[aspect] = sums[aspect].map((c, i) => c + (histogram[i] ?? 0)) as Sum;
      }
    }
  }
  return sums;
}
