import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../shared/editions/rubric';
import { sampleRubric } from '../../shared/editions/sample-edition';
import { rubricCriteria } from '../../shared/reviews/scoring';
import {
  aggregateApplication,
  aggregateValues,
  areaPercents,
  mean,
  median,
  type SheetScores,
} from '../../shared/results/aggregate';
import { calibrateSheets, shopperMax, zScores } from '../../shared/results/calibrate';
import { type RankInput, rank } from '../../shared/results/rank';

const rubric = sampleRubric();
const criteria = rubricCriteria(rubric);
const smax = shopperMax(rubric);

/** Scores on the criterion's step (0.5 here so sums stay exact), sometimes left unscored. */
const sheetFor = (applicationId: string, expertId: string) =>
  fc
    .record({
      scores: fc.record(
        Object.fromEntries(
          criteria.map((c) => [c.code, fc.integer({ min: 0, max: c.maxPoints * 2 }).map((n) => n / 2)]),
        ),
        { requiredKeys: criteria.slice(0, 3).map((c) => c.code) },
      ),
      shopper: fc.integer({ min: 0, max: smax * 2 }).map((n) => n / 2),
    })
    .map((s): SheetScores => ({ applicationId, expertId, ...s }));

/** An edition's sheets: 1–4 experts × 1–6 applications, each expert scoring a non-empty subset. */
const editionSheets = fc
  .record({ experts: fc.integer({ min: 1, max: 4 }), applications: fc.integer({ min: 1, max: 6 }) })
  .chain(({ experts, applications }) => {
    const pairs: [string, string][] = [];
    for (let e = 0; e < experts; e++) for (let a = 0; a < applications; a++) pairs.push([`app-${a}`, `exp-${e}`]);
    return fc.subarray(pairs, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen.map(([a, e]) => sheetFor(a, e))));
  });

const key = (s: SheetScores) => `${s.applicationId}|${s.expertId}`;

describe('mean and median', () => {
  const values = fc.array(
    fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 2),
    { minLength: 1, maxLength: 30 },
  );

  it('lie within the values’ min…max', () => {
    fc.assert(
      fc.property(values, fc.constantFrom('mean' as const, 'median' as const), (vs, how) => {
        const v = aggregateValues(vs, how);
        expect(v).toBeGreaterThanOrEqual(Math.min(...vs));
        expect(v).toBeLessThanOrEqual(Math.max(...vs));
      }),
    );
  });

  it('do not depend on the order of the values', () => {
    fc.assert(
      fc.property(
        values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length }))),
        ([vs, shuffled]) => {
          expect(mean(shuffled)).toBe(mean(vs));
          expect(median(shuffled)).toBe(median(vs));
        },
      ),
    );
  });

  it('examples: the median of 4 values is the mean of the middle two; empty throws', () => {
    expect(median([4, 1, 10, 2])).toBe(3);
    expect(median([7, 1, 3])).toBe(3);
    expect(mean([4, 1, 10, 2])).toBe(4.25);
    expect(() => mean([])).toThrow();
    expect(() => median([])).toThrow();
  });
});

describe('aggregation of an application', () => {
  const weighted: Rubric = {
    areas: [
      {
        code: 'A',
        name: { pl: 'Obszar A' },
        criteria: [
          { code: 'A.1', name: { pl: 'A1' }, maxPoints: 10, step: 1, weight: 2 },
          { code: 'A.2', name: { pl: 'A2' }, maxPoints: 5, step: 0.5, weight: 1 },
        ],
      },
      {
        code: 'B',
        name: { pl: 'Obszar B' },
        criteria: [{ code: 'B.1', name: { pl: 'B1' }, maxPoints: 4, step: 1, weight: 0.5 }],
      },
    ],
    mysteryShopper: {
      enabled: true,
      channels: [{ channel: 'visit', items: [{ code: 'V1', label: { pl: 'Wizyta' }, points: 5 }] }],
    },
  };
  const sheet = (expertId: string, scores: Record<string, number>, shopper: number): SheetScores => ({
    applicationId: 'app',
    expertId,
    scores,
    shopper,
  });

  it('weights each area’s aggregated criteria; an unscored criterion counts 0; percent of maxTotal', () => {
    const sheets = [sheet('e1', { 'A.1': 8, 'A.2': 5, 'B.1': 4 }, 5), sheet('e2', { 'A.1': 6, 'A.2': 3 }, 2)];
    const score = aggregateApplication(weighted, 'app', sheets, 'mean');
    expect(score).toEqual({
      applicationId: 'app',
      sheets: 2,
      criteria: { 'A.1': 7, 'A.2': 4, 'B.1': 2 },
      shopper: 3.5,
      byArea: { A: 18, B: 1 }, // 7×2 + 4×1; 2×0.5
      total: 22.5,
      percent: 70.31, // 22.5 / 32 (20 + 5 + 2 + 5) = 70.3125 %
    });
    expect(areaPercents(weighted, score)).toEqual({ A: 72, B: 50 }); // 18/25, 1/2
  });

  it('the median of three sheets ignores an outlier; 3 decimals kept', () => {
    const sheets = [
      sheet('e1', { 'A.1': 9, 'A.2': 4.5, 'B.1': 1 }, 5),
      sheet('e2', { 'A.1': 8, 'A.2': 4, 'B.1': 2 }, 4),
      sheet('e3', { 'A.1': 0, 'A.2': 0.5, 'B.1': 2 }, 0),
    ];
    expect(aggregateApplication(weighted, 'app', sheets, 'median')).toMatchObject({
      criteria: { 'A.1': 8, 'A.2': 4, 'B.1': 2 },
      shopper: 4,
      total: 25,
    });
    expect(aggregateApplication(weighted, 'app', sheets, 'mean').criteria['A.1']).toBe(5.667);
  });

  it('no sheets → zeros; shopper points ignored when mystery shopping is off', () => {
    expect(aggregateApplication(weighted, 'app', [], 'mean')).toMatchObject({ sheets: 0, total: 0, percent: 0 });
    const off = { ...weighted, mysteryShopper: { enabled: false, channels: [] } };
    expect(aggregateApplication(off, 'app', [sheet('e1', { 'A.1': 10, 'A.2': 5, 'B.1': 4 }, 5)], 'mean')).toMatchObject(
      {
        shopper: 0,
        total: 27,
        percent: 100,
      },
    );
  });

  it('does not depend on the order of the sheets (nor so of the experts)', () => {
    const sheets = fc
      .array(fc.nat(), { minLength: 1, maxLength: 6 })
      .chain((experts) => fc.tuple(...experts.map((_, i) => sheetFor('app', `exp-${i}`))));
    fc.assert(
      fc.property(
        sheets.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        fc.constantFrom('mean' as const, 'median' as const),
        ([s, shuffled], how) => {
          expect(aggregateApplication(rubric, 'app', shuffled, how)).toEqual(
            aggregateApplication(rubric, 'app', s, how),
          );
        },
      ),
    );
  });

  it('each aggregated criterion lies within the sheets’ range and the percent within 0…100', () => {
    fc.assert(
      fc.property(editionSheets, fc.constantFrom('mean' as const, 'median' as const), (sheets, how) => {
        const own = sheets.filter((s) => s.applicationId === sheets[0]?.applicationId);
        const score = aggregateApplication(rubric, 'x', own, how);
        for (const c of criteria) {
          const vs = own.map((s) => s.scores[c.code] ?? 0);
          expect(score.criteria[c.code]).toBeGreaterThanOrEqual(Math.min(...vs));
          expect(score.criteria[c.code]).toBeLessThanOrEqual(Math.max(...vs));
        }
        expect(score.percent).toBeGreaterThanOrEqual(0);
        expect(score.percent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('calibration (per-expert z-scores)', () => {
  const byKey = (sheets: SheetScores[]) => new Map(sheets.map((s) => [key(s), s]));
  const close = (a: SheetScores[], b: SheetScores[]) => {
    const bs = byKey(b);
    for (const s of a) {
      const other = bs.get(key(s));
      expect(other).toBeDefined();
      for (const c of criteria)
        expect(Math.abs((s.scores[c.code] ?? -1) - (other?.scores[c.code] ?? -2))).toBeLessThan(1e-9);
      expect(Math.abs(s.shopper - (other?.shopper ?? -1))).toBeLessThan(1e-9);
    }
  };
  const oneExpert = editionSheets.chain((sheets) =>
    fc.tuple(fc.constant(sheets), fc.constantFrom(...sheets.map((s) => s.expertId))),
  );

  // The shifted scores need not stay in the criterion's range: z is computed before any clamping,
  // so the property holds for any shift (and out-of-range shifts are the harder case).
  it('a harsh or lenient expert (every score shifted by a constant) changes no calibrated value', () => {
    fc.assert(
      fc.property(
        oneExpert,
        fc.integer({ min: -40, max: 40 }).map((n) => n / 4),
        ([sheets, expert], shift) => {
          const shifted = sheets.map((s) =>
            s.expertId !== expert
              ? s
              : {
                  ...s,
                  scores: Object.fromEntries(criteria.map((c) => [c.code, (s.scores[c.code] ?? 0) + shift])),
                  shopper: s.shopper + shift,
                },
          );
          close(calibrateSheets(rubric, shifted).sheets, calibrateSheets(rubric, sheets).sheets);
        },
      ),
    );
  });

  it('an expert whose every score is multiplied by a positive factor changes no calibrated value', () => {
    fc.assert(
      fc.property(oneExpert, fc.double({ min: 0.1, max: 10, noNaN: true }), ([sheets, expert], factor) => {
        const scaled = sheets.map((s) =>
          s.expertId !== expert
            ? s
            : {
                ...s,
                scores: Object.fromEntries(criteria.map((c) => [c.code, (s.scores[c.code] ?? 0) * factor])),
                shopper: s.shopper * factor,
              },
        );
        close(calibrateSheets(rubric, scaled).sheets, calibrateSheets(rubric, sheets).sheets);
      }),
    );
  });

  it('does not depend on the order of the sheets or of the experts; values stay in 0…max', () => {
    fc.assert(
      fc.property(
        editionSheets.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([sheets, shuffled]) => {
          const a = calibrateSheets(rubric, sheets);
          const b = calibrateSheets(rubric, shuffled);
          expect(b.experts).toEqual(a.experts);
          const bs = byKey(b.sheets);
          for (const s of a.sheets) {
            expect(bs.get(key(s))).toEqual(s);
            for (const c of criteria) {
              expect(s.scores[c.code]).toBeGreaterThanOrEqual(0);
              expect(s.scores[c.code]).toBeLessThanOrEqual(c.maxPoints);
            }
          }
        },
      ),
    );
  });

  it('one SD above the expert’s own average → 75 % of the criterion; one sheet or no spread → not calibratable, 50 %', () => {
    expect(zScores([2, 4])).toEqual([-1, 1]);
    expect(zScores([3, 3, 3])).toEqual([0, 0, 0]);
    const s = (applicationId: string, expertId: string, a11: number, shopper = 0): SheetScores => ({
      applicationId,
      expertId,
      scores: { 'A1.1': a11 },
      shopper,
    });
    const { sheets, experts } = calibrateSheets(rubric, [
      s('a', 'harsh', 2, 4),
      s('b', 'harsh', 4, 8),
      s('a', 'solo', 9),
    ]);
    expect(sheets.map((x) => x.scores['A1.1'])).toEqual([2.5, 7.5, 5]); // 10 × (0.5 ∓ 1/4); solo: z = 0
    expect(sheets.map((x) => x.scores['A1.2'])).toEqual([5, 5, 5]); // unscored everywhere: no spread
    expect(sheets.map((x) => x.shopper)).toEqual([0.25 * smax, 0.75 * smax, 0.5 * smax]);
    expect(experts).toEqual([
      { expertId: 'harsh', sheets: 2, calibratable: true },
      { expertId: 'solo', sheets: 1, calibratable: false },
    ]);
  });
});

describe('ranking', () => {
  const names = ['Łódź', 'Lublin', 'Ostrów', 'Ośno', 'Zabrze', 'Żary', 'Ćmielów', 'Cieszyn', 'urząd', 'Urząd'];
  const rows = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 25 }).chain((ids) =>
    fc.tuple(
      ...ids.map((applicationId) =>
        fc.record({
          applicationId: fc.constant(applicationId),
          name: fc.constantFrom(...names),
          // Few distinct percents, so ties are common; the noise below a hundredth must not break a tie.
          percent: fc
            .tuple(fc.integer({ min: 7400, max: 7410 }), fc.integer({ min: -4, max: 4 }))
            .map(([h, noise]) => h / 100 + noise / 1000),
        }),
      ),
    ),
  );
  const hundredths = (r: RankInput) => Math.round(r.percent * 100);

  it('is total and deterministic: any permutation of the input gives the identical output', () => {
    fc.assert(
      fc.property(
        rows.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length }))),
        ([input, shuffled]) => {
          expect(rank(shuffled)).toEqual(rank(input));
        },
      ),
    );
  });

  it('places are competition ranks, non-decreasing; ex aequo iff an equal percent at 2 decimals', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const ranked = rank(input);
        expect(ranked).toHaveLength(input.length);
        ranked.forEach((r, i) => {
          if (i > 0) expect(r.place).toBeGreaterThanOrEqual(ranked[i - 1]?.place ?? 0);
          expect(r.place).toBe(1 + input.filter((o) => hundredths(o) > hundredths(r)).length);
          expect(r.exAequo).toBe(input.filter((o) => hundredths(o) === hundredths(r)).length > 1);
        });
      }),
    );
  });

  it('example: 1, 2, 2, 2, 2, 6; a tie listed by Polish name', () => {
    const ranked = rank([
      { applicationId: 'z', name: 'Żary', percent: 80 },
      { applicationId: 'l', name: 'Łódź', percent: 80.001 },
      { applicationId: 'o', name: 'Opole', percent: 70 },
      { applicationId: 'k', name: 'Kraków', percent: 91.5 },
      { applicationId: 'm', name: 'Lublin', percent: 80 },
      { applicationId: 'a', name: 'Mława', percent: 80 }, // after Łódź in Polish, before it in code units
    ]);
    expect(ranked.map((r) => [r.name, r.place, r.exAequo])).toEqual([
      ['Kraków', 1, false],
      ['Lublin', 2, true],
      ['Łódź', 2, true],
      ['Mława', 2, true],
      ['Żary', 2, true],
      ['Opole', 6, false],
    ]);
  });
});
