import { SATISFIED_FROM, scale, type ScaleValue } from './survey';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion of `k` successes in `n` trials (Wilson 1927): unlike
 * p ± z·√(p(1−p)/n) it stays inside [0, 1] and is honest for small n and for p = 0 or 1, which a
 * small office's survey will have. No interval for n = 0.
 */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`successes ${k} out of 0…${n}`);
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact at the ends: rounding must not put 0 or 1 outside its own interval.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** Answers per scale value 1…5 (index 0 is the count of 1s). */
export type Histogram = readonly [number, number, number, number, number];
export const emptyHistogram = (): Histogram => [0, 0, 0, 0, 0];

/** One aspect's figures, or only its n when too few answered to show anything (issue 18 §3). */
export type AspectFigures =
  | { n: number; shown: false }
  | {
      n: number;
      shown: true;
      mean: number;
      /** Share of 4–5 answers, 0…1, with its 95 % Wilson interval. */
      satisfied: number;
      interval: { low: number; high: number };
      distribution: Histogram;
    };

export function aspectFigures(histogram: Histogram, minAnswers: number): AspectFigures {
  const n = histogram.reduce((s, c) => s + c, 0);
  if (n === 0 || n < minAnswers) return { n, shown: false };
  const sum = histogram.reduce((s, c, i) => s + c * (i + 1), 0);
  const satisfiedCount = histogram.slice(SATISFIED_FROM - 1).reduce((s, c) => s + c, 0);
  const interval = wilsonInterval(satisfiedCount, n);
  if (!interval) return { n, shown: false };
  return { n, shown: true, mean: sum / n, satisfied: satisfiedCount / n, interval, distribution: histogram };
}

export const isScaleValue = (v: unknown): v is ScaleValue => scale.includes(v as ScaleValue);
