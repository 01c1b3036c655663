import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackCategories } from '../../shared/feedback/feedback';
import { feedbackStats, type StatsInput } from '../../shared/feedback/feedback-stats';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2025, 0, 1);

/** Items over two years, some answered 0–60 days later; and "today" after all of them. */
const items = fc.array(
  fc.record({
    category: fc.constantFrom(...feedbackCategories),
    sent: fc.integer({ min: 0, max: 730 }),
    wait: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  }),
  { maxLength: 60 },
);

/** The naive reading of the words, written separately: filter and count for every figure. */
function naive(list: StatsInput[], today: string) {
  const months = [...new Set(list.map((f) => f.submittedOn.slice(0, 7)))].sort();
  const byMonth = months.flatMap((month) =>
    [...feedbackCategories].sort().flatMap((category) => {
      const count = list.filter((f) => f.submittedOn.startsWith(month) && f.category === category).length;
      return count > 0 ? [{ month, category, count }] : [];
    }),
  );
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
  const waits = list.flatMap((f) => (f.answeredOn ? [days(f.submittedOn, f.answeredOn)] : [])).sort((a, b) => a - b);
  const median =
    waits.length === 0
      ? null
      : waits.length % 2
        ? waits[(waits.length - 1) / 2]
        : ((waits[waits.length / 2 - 1] ?? 0) + (waits[waits.length / 2] ?? 0)) / 2;
  const due = list.filter((f) => f.answeredOn || days(f.submittedOn, today) > 14);
  const onTime = due.filter((f) => f.answeredOn && days(f.submittedOn, f.answeredOn) <= 14);
  return {
    total: list.length,
    byMonth,
    answered: waits.length,
    medianDaysToAnswer: median,
    answeredWithin14Days: due.length ? onTime.length / due.length : null,
  };
}

describe('feedback analytics', () => {
  it('equal a naive count-and-filter implementation on any items', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 800, max: 900 }), (raw, todayOffset) => {
        const list: StatsInput[] = raw.map((r) => ({
          category: r.category,
          submittedOn: iso(START + r.sent * DAY),
          ...(r.wait === undefined ? {} : { answeredOn: iso(START + (r.sent + r.wait) * DAY) }),
        }));
        const today = iso(START + todayOffset * DAY);
        expect(feedbackStats(list, today)).toEqual(naive(list, today));
      }),
    );
  });

  it('give nulls, not zeros, when nothing is answered or due', () => {
    expect(feedbackStats([], '2026-01-01')).toEqual({
      total: 0,
      byMonth: [],
      answered: 0,
      medianDaysToAnswer: null,
      answeredWithin14Days: null,
    });
    const fresh = feedbackStats([{ category: 'praise', submittedOn: '2026-01-01' }], '2026-01-10');
    expect(fresh.answeredWithin14Days).toBeNull();
    const late = feedbackStats([{ category: 'praise', submittedOn: '2026-01-01' }], '2026-01-16');
    expect(late.answeredWithin14Days).toBe(0);
  });

  it('count day 14 as within, day 15 as late, across a month and a DST change', () => {
    const s = feedbackStats(
      [
        { category: 'complaint', submittedOn: '2026-03-20', answeredOn: '2026-04-03' },
        { category: 'complaint', submittedOn: '2026-03-20', answeredOn: '2026-04-04' },
      ],
      '2026-05-01',
    );
    expect(s).toMatchObject({ medianDaysToAnswer: 14.5, answeredWithin14Days: 0.5 });
  });
});
