import { comparePolish } from '../text/polish-order';

/**
 * The ranking of one category (issue 14). Pure and total: the output depends only on the set of
 * rows, never on their input order.
 *
 * Tie-breaking, documented for the regulations: percents are compared at 2 decimals (as shown);
 * equal percents share a place ("ex aequo") under standard competition ranking (1, 2, 2, 4). Within
 * a tie rows are LISTED by name in Polish collation, then by applicationId (code-unit order) — the
 * listing order only, never a better place.
 */
export interface RankInput {
  applicationId: string;
  name: string;
  percent: number;
}
export interface RankedRow extends RankInput {
  place: number;
  exAequo: boolean;
}

/** The percent as integer hundredths: the precision at which results are compared and shown. */
export const percentKey = (percent: number) => Math.round(percent * 100 + percent * 100 * Number.EPSILON);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Standard competition ranking (1, 2, 2, 4): order by percent (compared at 2 decimals) descending; equal
 * percents share a place and are ex aequo; within a tie, order by name (Polish collation, `comparePolish`),
 * then applicationId — a total, deterministic order independent of input order. */
export function rank(rows: readonly RankInput[]): RankedRow[] {
  const sorted = [...rows].sort(
    (a, b) =>
      percentKey(b.percent) - percentKey(a.percent) ||
      comparePolish(a.name, b.name) ||
      byCodeUnits(a.name, b.name) ||
      byCodeUnits(a.applicationId, b.applicationId) ||
      b.percent - a.percent,
  );
  const counts = new Map<number, number>();
  for (const r of sorted) counts.set(percentKey(r.percent), (counts.get(percentKey(r.percent)) ?? 0) + 1);
  let place = 0;
  let previous: number | undefined;
  return sorted.map((r, i) => {
    const key = percentKey(r.percent);
    if (key !== previous) place = i + 1;
    previous = key;
    return { ...r, place, exAequo: (counts.get(key) ?? 0) > 1 };
  });
}
