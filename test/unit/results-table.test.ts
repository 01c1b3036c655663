import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomes } from '../../shared/results/outcome';
import { type ResultRow, resultsTable } from '../../shared/results/results-table';
import { application, decision, edition, sheet, tableInput } from '../support/results-fixtures';

/**
 * resultsTable (issue 14 §1–§3) on hand-built inputs: the two-criterion rubric makes an application's
 * percent (C1 + C2) / 20 × 100, so every expectation below can be checked by hand.
 */
const rowsOf = (t: ReturnType<typeof resultsTable>) => t.categories.flatMap((c) => c.rows);
const byId = (t: ReturnType<typeof resultsTable>) => new Map(rowsOf(t).map((r) => [r.applicationId, r]));
const pick = (rows: ResultRow[], ...fields: (keyof ResultRow)[]) =>
  rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])));

describe('resultsTable: ranking', () => {
  it('equal results share a place ex aequo (1, 1, 3), listed by name in Polish collation', () => {
    const e = edition();
    const apps = [
      application('a1', 'Urząd Miasta Łodzi'),
      application('a2', 'Urząd Miasta Lublin'),
      application('a3', 'Urząd Gminy Zawoja'),
    ];
    const sheets = [sheet('a1', 'x', 8), sheet('a2', 'x', 8), sheet('a3', 'x', 6)];
    const rows = rowsOf(resultsTable(tableInput(e, apps, sheets)));
    expect(pick(rows, 'applicationId', 'percent', 'place', 'exAequo')).toEqual([
      // "Lublin" before "Łodzi": Ł follows L in Polish (code-unit order would put Ł after Z).
      { applicationId: 'a2', percent: 80, place: 1, exAequo: true },
      { applicationId: 'a1', percent: 80, place: 1, exAequo: true },
      { applicationId: 'a3', percent: 60, place: 3, exAequo: false },
    ]);
  });

  it('percents equal at 2 decimals are a tie; a difference of 0.01 is not', () => {
    const e = edition();
    // (7 + 8) / 20 = 75 % twice: a tie; (7 + 9) / 20 = 80 %.
    const apps = [application('a1', 'A'), application('a2', 'B'), application('a3', 'C')];
    const sheets = [sheet('a1', 'x', 7, 8), sheet('a2', 'x', 8, 7), sheet('a3', 'x', 7, 9)];
    const rows = rowsOf(resultsTable(tableInput(e, apps, sheets)));
    expect(pick(rows, 'applicationId', 'place', 'exAequo')).toEqual([
      { applicationId: 'a3', place: 1, exAequo: false },
      { applicationId: 'a1', place: 2, exAequo: true },
      { applicationId: 'a2', place: 2, exAequo: true },
    ]);
  });

  it('an application with no sheet is not awarded and ranked last, even with a threshold of 0 %', () => {
    const e = edition({ thresholdPercent: 0 });
    const apps = [application('none', 'Aaa — bez ocen'), application('low', 'Zzz'), application('high', 'Mmm')];
    const sheets = [sheet('low', 'x', 1, 0), sheet('high', 'x', 9)];
    const rows = rowsOf(resultsTable(tableInput(e, apps, sheets)));
    expect(rows.map((r) => r.applicationId)).toEqual(['high', 'low', 'none']);
    const none = rows[2]!;
    expect(none).toMatchObject({ place: 3, percent: 0, computed: 'notAwarded', outcome: 'notAwarded' });
    expect(none.raw.sheets).toBe(0);
    // The others clear a 0 % threshold.
    expect(rows.slice(0, 2).map((r) => r.computed)).toEqual(['laureate', 'laureate']);
  });

  it('the computed outcome follows the threshold at 2 decimals: 75.00 % is a laureate, 70 % is not', () => {
    const e = edition({ thresholdPercent: 75 });
    const apps = [application('at', 'A'), application('below', 'B')];
    const rows = byId(resultsTable(tableInput(e, apps, [sheet('at', 'x', 7, 8), sheet('below', 'x', 7)])));
    expect(rows.get('at')!.computed).toBe('laureate');
    expect(rows.get('below')!.computed).toBe('notAwarded');
  });
});

describe('resultsTable: categories', () => {
  it('groups of institution types are ranked separately; a type in no group falls in "other"', () => {
    const e = edition({
      results: {
        categories: {
          by: 'types',
          groups: [
            { code: 'gminy', name: { pl: 'Urzędy gmin', en: 'Municipal offices' }, types: ['municipal_office'] },
          ],
        },
      },
    });
    const apps = [
      application('g1', 'Gmina Jeden', { type: 'municipal_office' }),
      application('g2', 'Gmina Dwa', { type: 'municipal_office' }),
      application('z1', 'ZUS Oddział', { type: 'zus' }),
      application('p1', 'Starostwo', { type: 'county_office' }),
    ];
    const sheets = [sheet('g1', 'x', 5), sheet('g2', 'x', 9), sheet('z1', 'x', 6), sheet('p1', 'x', 7)];
    const t = resultsTable(tableInput(e, apps, sheets));
    expect(t.categories.map((c) => c.category.code)).toEqual(['gminy', 'other']);
    expect(pick(t.categories[0]!.rows, 'applicationId', 'place')).toEqual([
      { applicationId: 'g2', place: 1 },
      { applicationId: 'g1', place: 2 },
    ]);
    expect(pick(t.categories[1]!.rows, 'applicationId', 'place')).toEqual([
      { applicationId: 'p1', place: 1 },
      { applicationId: 'z1', place: 2 },
    ]);
  });

  it('headcount brackets are ranked separately; empty brackets are left out', () => {
    const e = edition({ results: { categories: { by: 'headcount' } } });
    const apps = [
      application('s1', 'Mały Urząd', { headcount: '0-20' }),
      application('s2', 'Mały Urząd Dwa', { headcount: '0-20' }),
      application('b1', 'Duży Urząd', { headcount: '201+' }),
    ];
    const sheets = [sheet('s1', 'x', 4), sheet('s2', 'x', 6), sheet('b1', 'x', 3)];
    const t = resultsTable(tableInput(e, apps, sheets));
    expect(t.categories.map((c) => c.category.code)).toEqual(['0-20', '201+']);
    expect(pick(t.categories[0]!.rows, 'applicationId', 'place')).toEqual([
      { applicationId: 's2', place: 1 },
      { applicationId: 's1', place: 2 },
    ]);
    expect(pick(t.categories[1]!.rows, 'applicationId', 'place')).toEqual([{ applicationId: 'b1', place: 1 }]);
  });
});

describe('resultsTable: decisions, basis and what counts', () => {
  it('a decision overrides the outcome, never the computed one', () => {
    const e = edition();
    const apps = [application('a1', 'A'), application('a2', 'B')];
    const sheets = [sheet('a1', 'x', 9), sheet('a2', 'x', 4)];
    const rows = byId(
      resultsTable(
        tableInput(e, apps, sheets, [
          decision('a1', 'notAwarded', 'Kapituła: zastrzeżenia do dokumentów.'),
          decision('a2', 'distinction', 'Dostępność cyfrowa.'),
        ]),
      ),
    );
    expect(rows.get('a1')).toMatchObject({ computed: 'laureate', outcome: 'notAwarded' });
    expect(rows.get('a2')).toMatchObject({ computed: 'notAwarded', outcome: 'distinction' });
    expect(rows.get('a2')!.decision?.reason).toBe('Dostępność cyfrowa.');
  });

  it("basis 'calibrated' makes the calibrated percent decide (a harsh expert no longer pulls a result down)", () => {
    const e = edition();
    const apps = [application('a1', 'A'), application('a2', 'B')];
    // Lenient x (8 vs 6) and harsh y (4 vs 2) rank both alike: z = ±1 for each, calibrated 7.5 / 2.5.
    const sheets = [sheet('a1', 'x', 8), sheet('a2', 'x', 6), sheet('a1', 'y', 4), sheet('a2', 'y', 2)];
    const raw = byId(resultsTable(tableInput(e, apps, sheets)));
    const calibrated = byId(
      resultsTable(tableInput(e, apps, sheets, [], { aggregation: 'mean', basis: 'calibrated' })),
    );
    expect(raw.get('a1')).toMatchObject({ percent: 60, computed: 'notAwarded' });
    expect(raw.get('a1')!.calibrated.percent).toBe(75);
    expect(calibrated.get('a1')).toMatchObject({ percent: 75, computed: 'laureate' });
    expect(calibrated.get('a1')!.raw.percent).toBe(60);
    expect(calibrated.get('a2')!.percent).toBe(25);
    // The area percents follow the deciding basis too.
    expect(calibrated.get('a1')!.areaPercents).toEqual({ A1: 75, A2: 75 });
  });

  it('only submitted sheets of taking-part applications count (a draft or a rejected application’s sheet changes nothing)', () => {
    const e = edition();
    const apps = [application('a1', 'A'), application('a2', 'B')];
    const counted = [sheet('a1', 'x', 8), sheet('a2', 'x', 6), sheet('a1', 'y', 4), sheet('a2', 'y', 2)];
    const ignored = [
      sheet('a1', 'z', 0, 0, 'draft'),
      sheet('a2', 'x', 10, 10, 'draft'),
      // A rejected application's sheets: they must not even move the experts' calibration.
      sheet('rejected', 'x', 0),
      sheet('rejected', 'y', 10),
    ];
    const base = resultsTable(tableInput(e, apps, counted));
    const withIgnored = resultsTable(tableInput(e, apps, [...ignored.slice(0, 2), ...counted, ...ignored.slice(2)]));
    expect(withIgnored).toEqual(base);
    expect(rowsOf(base).map((r) => r.raw.sheets)).toEqual([2, 2]);
    expect(rowsOf(base).some((r) => r.applicationId === 'rejected')).toBe(false);
  });

  it('median aggregation takes the middle sheet', () => {
    const e = edition();
    const apps = [application('a1', 'A')];
    const sheets = [sheet('a1', 'x', 2), sheet('a1', 'y', 9), sheet('a1', 'z', 10)];
    const t = resultsTable(tableInput(e, apps, sheets, [], { aggregation: 'median', basis: 'raw' }));
    expect(rowsOf(t)[0]!.percent).toBe(90);
  });
});

describe('resultsTable: independent of input order (fast-check)', () => {
  const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const experts = ['x', 'y', 'z'];
  const names = ['Łańcut', 'Lublin', 'Zamość', 'Lublin', 'Ełk'];
  const arbitrary = fc.record({
    count: fc.integer({ min: 1, max: 5 }),
    scores: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
      ),
      { maxLength: 14 },
    ),
    decided: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...outcomes)), { maxLength: 4 }),
    basis: fc.constantFrom('raw' as const, 'calibrated' as const),
    aggregation: fc.constantFrom('mean' as const, 'median' as const),
    seed: fc.integer(),
  });

  /** A deterministic shuffle (Fisher–Yates driven by a small LCG). */
  const shuffle = <T>(list: readonly T[], seed: number): T[] => {
    const out = [...list];
    let s = seed >>> 0;
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  it('shuffling the applications, the sheets and the decisions gives the same table', () => {
    fc.assert(
      fc.property(arbitrary, ({ count, scores, decided, basis, aggregation, seed }) => {
        const e = edition({ results: { categories: { by: 'headcount' } } });
        const apps = ids
          .slice(0, count)
          .map((id, i) => application(id, names[i]!, { headcount: i % 2 === 0 ? '0-20' : '21-40' }));
        // One sheet per (application, expert): the last one generated for a pair wins.
        const pairs = new Map<string, ReturnType<typeof sheet>>();
        for (const [a, x, c1, c2, submitted] of scores) {
          const id = ids[a % count]!;
          const expert = experts[x]!;
          pairs.set(`${id} ${expert}`, sheet(id, expert, c1, c2, submitted ? 'submitted' : 'draft'));
        }
        const decisions = new Map(
          decided.map(([a, outcome]) => [ids[a % count]!, decision(ids[a % count]!, outcome, 'Powód.')]),
        );
        const input = (s: number) =>
          tableInput(
            e,
            shuffle(apps, s),
            shuffle([...pairs.values()], s + 1),
            shuffle([...decisions.values()], s + 2),
            { aggregation, basis },
          );
        expect(resultsTable(input(seed + 17))).toEqual(resultsTable(input(seed)));
      }),
      { numRuns: 300 },
    );
  });
});
