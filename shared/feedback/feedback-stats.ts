import type { Feedback, FeedbackCategory } from './feedback';
import { compareCodeUnits } from '../text/polish-order';

/** How long an office has to answer before an unanswered feedback counts as late (issue 18 §6). */
export const ANSWER_WITHIN_DAYS = 14;

export type StatsInput = Pick<Feedback, 'category' | 'submittedOn' | 'answeredOn'>;

export interface FeedbackStats {
  total: number;
  /** Count per month (YYYY-MM, the Warsaw month it was sent) and category; months ascending, no empty rows. */
  byMonth: { month: string; category: FeedbackCategory; count: number }[];
  answered: number;
  /** Median whole days from sending to the first answer, over the answered; null when none is. */
  medianDaysToAnswer: number | null;
  /**
   * Share (0–1) answered within 14 days, of those whose 14 days are over or that were answered (a
   * feedback sent yesterday and not yet answered is not late); null when there are none such.
   */
  answeredWithin14Days: number | null;
}

const dayNumber = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** An office's feedback analytics on `today` (a Warsaw day): one pass over its items, pure. */
export function feedbackStats(items: readonly StatsInput[], today: string): FeedbackStats {
  const counts = new Map<string, number>();
  const waits: number[] = [];
  let due = 0;
  let onTime = 0;
  for (const f of items) {
    const key = `${f.submittedOn.slice(0, 7)}|${f.category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (f.answeredOn) {
      const wait = daysBetween(f.submittedOn, f.answeredOn);
      waits.push(wait);
      due++;
      if (wait <= ANSWER_WITHIN_DAYS) onTime++;
    } else if (daysBetween(f.submittedOn, today) > ANSWER_WITHIN_DAYS) due++;
  }
  const byMonth = [...counts]
    .map(([key, count]) => {
      const [month = '', category] = key.split('|');
      return { month, category: category as FeedbackCategory, count };
    })
    .sort((a, b) => compareCodeUnits(a.month, b.month) || compareCodeUnits(a.category, b.category));
  return {
    total: items.length,
    byMonth,
    answered: waits.length,
    medianDaysToAnswer: median(waits.sort((a, b) => a - b)),
    answeredWithin14Days: due === 0 ? null : onTime / due,
  };
}
