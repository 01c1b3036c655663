import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardAspects, type StoredAnswer } from '../../shared/surveys/survey';
import { countNames, countsFromAttributes } from '../../shared/surveys/survey-counts';
import { aspectFigures, wilsonInterval, Z95 } from '../../shared/surveys/survey-statistics';
import { protectBreakdown, surveyResults } from '../../shared/surveys/get-survey-results';
import { addressSubject } from '../../shared/limits/address-subject';

/**
 * An independent Wilson interval: the set of p whose score test does not reject, |p̂ − p| ≤ z·√(p(1−p)/n),
 * found by bisection on each side of p̂ instead of the closed form.
 */
function wilsonByBisection(k: number, n: number, z = Z95): { low: number; high: number } {
  const phat = k / n;
  const inside = (p: number) => (phat - p) ** 2 <= (z * z * p * (1 - p)) / n;
  const edge = (outside: number, inner: number) => {
    let [out, inn] = [outside, inner];
    for (let i = 0; i < 200; i++) {
      const mid = (out + inn) / 2;
      if (inside(mid)) inn = mid;
      else out = mid;
    }
    return inn;
  };
  return { low: inside(0) ? 0 : edge(0, phat), high: inside(1) ? 1 : edge(1, phat) };
}

describe('Wilson score interval', () => {
  it('matches an independent implementation (bisection of the score test) for any k ≤ n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        ([n, k]) => {
          const closed = wilsonInterval(k, n);
          const bisected = wilsonByBisection(k, n);
          expect(closed).not.toBeNull();
          expect(closed?.low).toBeCloseTo(bisected.low, 9);
          expect(closed?.high).toBeCloseTo(bisected.high, 9);
          expect(closed?.low).toBeLessThanOrEqual(k / n);
          expect(closed?.high).toBeGreaterThanOrEqual(k / n);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('has no interval for n = 0, starts at exactly 0 for p = 0 and ends at exactly 1 for p = 1', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 7)?.low).toBe(0);
    expect(wilsonInterval(0, 7)?.high).toBeGreaterThan(0.2); // seven "no" still leave room: 0 … 0.354
    expect(wilsonInterval(7, 7)?.high).toBe(1);
    expect(wilsonInterval(7, 7)?.low).toBeCloseTo(0.6457, 4);
    expect(() => wilsonInterval(8, 7)).toThrow(RangeError);
  });

  it('gives the worked example: 94 of 100 satisfied → 87.5 % … 97.2 %', () => {
    const interval = wilsonInterval(94, 100);
    expect(interval?.low).toBeCloseTo(0.8752, 4);
    expect(interval?.high).toBeCloseTo(0.9722, 4);
  });
});

describe('aspect figures', () => {
  it('shows mean, % satisfied (4–5) and the distribution from the minimum on, and only n below it', () => {
    expect(aspectFigures([1, 0, 2, 3, 4], 10)).toEqual({
      n: 10,
      shown: true,
      mean: (1 + 6 + 12 + 20) / 10,
      satisfied: 0.7,
      interval: wilsonInterval(7, 10),
      distribution: [1, 0, 2, 3, 4],
    });
    expect(aspectFigures([0, 0, 2, 3, 4], 10)).toEqual({ n: 9, shown: false });
    expect(aspectFigures([0, 0, 0, 0, 0], 1)).toEqual({ n: 0, shown: false });
  });
});

const rating = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const);
const answerArb = fc.record({
  ratings: fc.record({ waiting: rating, usefulness: rating, engagement: rating }, { requiredKeys: [] }),
  own: fc.record({ q1: rating, q2: rating }, { requiredKeys: [] }),
  month: fc.constantFrom('2026-01', '2026-02', '2026-11'),
  matter: fc.option(fc.constantFrom('taxes_fees' as const, 'civil_registry' as const), { nil: undefined }),
  channel: fc.option(fc.constantFrom('phone' as const, 'in_person' as const), { nil: undefined }),
});

describe('survey counts', () => {
  it('adding each answer’s names equals a recount of the answers, slice by slice', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 60 }), (answers) => {
        const attributes: Record<string, number> = {};
        for (const a of answers) for (const name of countNames(a)) attributes[name] = (attributes[name] ?? 0) + 1;
        const counts = countsFromAttributes(attributes);
        // Recount straight from the answers.
        expect(counts.all.n).toBe(answers.length);
        for (const question of [...standardAspects, 'q1', 'q2'] as const) {
          for (const value of [1, 2, 3, 4, 5]) {
            const rated = (a: (typeof answers)[number]) =>
              (question in a.ratings
                ? a.ratings[question as keyof typeof a.ratings]
                : a.own[question as 'q1' | 'q2']) === value;
            expect(counts.all.questions[question]?.[value - 1] ?? 0).toBe(answers.filter(rated).length);
            for (const month of ['2026-01', '2026-02', '2026-11'])
              expect(counts.month[month]?.questions[question]?.[value - 1] ?? 0).toBe(
                answers.filter((a) => a.month === month && rated(a)).length,
              );
            expect(counts.matter.taxes_fees?.questions[question]?.[value - 1] ?? 0).toBe(
              answers.filter((a) => a.matter === 'taxes_fees' && rated(a)).length,
            );
            expect(counts.channel.phone?.questions[question]?.[value - 1] ?? 0).toBe(
              answers.filter((a) => a.channel === 'phone' && rated(a)).length,
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an attribute that is not a count (a damaged item is an error, not a zero)', () => {
    expect(() => countsFromAttributes({ 'all:-:waiting:6': 1 })).toThrow(/Not a survey count/);
    expect(() => countsFromAttributes({ 'all:-:n': -1 })).toThrow(/Not a survey count/);
    expect(() => countsFromAttributes({ 'all:-:n': 1.5 })).toThrow(/Not a survey count/);
  });

  it('results hide every slice below the minimum and order months oldest first', () => {
    const answer = (month: string): Pick<StoredAnswer, 'ratings' | 'own' | 'month'> => ({
      ratings: { waiting: 5 },
      own: {},
      month,
    });
    const attributes: Record<string, number> = {};
    for (const a of [...Array(12).fill('2026-02'), ...Array(3).fill('2026-01')].map(answer))
      for (const name of countNames(a)) attributes[name] = (attributes[name] ?? 0) + 1;
    const survey = {
      surveyId: 'S',
      institutionId: 'I',
      institutionName: 'Urząd',
      title: { pl: 'Ankieta' },
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      ownQuestions: [],
      minAnswers: 10,
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'U',
      version: 1,
    };
    const results = surveyResults(survey, countsFromAttributes(attributes));
    expect(results.months.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
    expect(results.all.questions.waiting).toMatchObject({ n: 15, shown: true, satisfied: 1, mean: 5 });
    expect(results.months[0]?.questions.waiting).toEqual({ n: 3, shown: false });
    // February alone would be shown (12 ≥ 10), but then 15 − 12 would give away January's 3 answers.
    expect(results.months[1]?.questions.waiting).toEqual({ n: 12, shown: false });
    expect(results.all.questions.usefulness).toEqual({ n: 0, shown: false });
  });
});

describe('secondary suppression', () => {
  const slice = (n: number, min: number) => ({ n, questions: { waiting: aspectFigures([0, 0, 0, 0, n], min) } });
  it('never lets the total minus the shown slices reveal fewer than the minimum answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 2, max: 20 }),
        (ns, unsaid, min) => {
          const total = ns.reduce((s, n) => s + n, 0) + unsaid;
          const protectedSlices = protectBreakdown(
            slice(total, min),
            ns.map((n) => slice(n, min)),
            ['waiting'],
            min,
          );
          const all = aspectFigures([0, 0, 0, 0, total], min);
          if (!all.shown) {
            expect(protectedSlices.every((s) => !s.questions.waiting?.shown)).toBe(true);
            return;
          }
          const shownSum = protectedSlices
            .filter((s) => s.questions.waiting?.shown)
            .reduce((sum, s) => sum + (s.questions.waiting?.n ?? 0), 0);
          const rest = total - shownSum;
          expect(rest === 0 || rest >= min).toBe(true);
          // Only what had to go: a slice shown before is hidden only when something was at risk.
          if (ns.every((n) => n >= min) && unsaid === 0)
            expect(protectedSlices.every((s) => s.questions.waiting?.shown)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hides the smallest shown month when one month is below the minimum: 40, 40, 1 of 81', () => {
    const out = protectBreakdown(slice(81, 10), [slice(40, 10), slice(40, 10), slice(1, 10)], ['waiting'], 10);
    expect(out.map((s) => s.questions.waiting?.shown)).toEqual([false, true, false]);
  });
});

describe('the address a survey limit counts', () => {
  it('is an IPv4 address whole and an IPv6 address by its /64', () => {
    expect(addressSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(addressSubject('2001:db8:12:34:aaaa:bbbb:cccc:1')).toBe('2001:db8:12:34::/64');
    expect(addressSubject('2001:db8:12:34::1')).toBe('2001:db8:12:34::/64');
    expect(addressSubject('2001:0DB8:0012:0034:ffff::2')).toBe('2001:db8:12:34::/64');
    expect(addressSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    // A dual-stack socket reports IPv4 clients as mapped addresses: each must stay its own subject.
    expect(addressSubject('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressSubject('::FFFF:203.0.113.9')).toBe('203.0.113.9');
    expect(addressSubject('unknown')).toBe('unknown');
  });
});
