/**
 * The exact assignment solver against an independent reference: the same problem as a linear
 * program solved by HiGHS (bench/assignment/lp-optimum.ts). The LP's constraint matrix is totally
 * unimodular, so its optimum is the integer optimum: the solver must reach it exactly, and must
 * say infeasible exactly when HiGHS does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyAssignment } from '../../bench/assignment/greedy';
import { randomInstance } from '../../bench/assignment/instances';
import { lpOptimum } from '../../bench/assignment/lp-optimum';
import { objectiveOf, violations, type AssignmentInstance } from '../../shared/assignment/instance';
import { solveAssignment } from '../../shared/assignment/solver';

/** An instance in plain arrays, so a counterexample prints as something one can paste back. */
interface Spec {
  k: number;
  applicationCount: number;
  experts: { minLoad: number; maxLoad: number }[];
  affinity: number[];
  conflict: number[];
  balance: number;
  fixed?: [number, number][];
}

const toInstance = (s: Spec): AssignmentInstance => ({
  k: s.k,
  applicationCount: s.applicationCount,
  experts: s.experts,
  affinity: Int32Array.from(s.affinity),
  conflict: Uint8Array.from(s.conflict),
  balance: s.balance,
  ...(s.fixed ? { fixed: s.fixed } : {}),
});

/**
 * Small instances: 1–12 applications, 1–6 experts, k 1–3, loads mostly 0 ≤ minLoad ≤ maxLoad ≤
 * applications near the average demand (now and then minLoad > maxLoad, which no assignment meets), affinity
 * −20..20, λ 0–3, conflicts at a random rate, and sometimes fixed pairs that are non-conflicted and
 * consistent (≤ k per application, ≤ maxLoad per expert, no duplicates).
 */
const specArb: fc.Arbitrary<Spec> = fc
  .record({ A: fc.integer({ min: 1, max: 12 }), E: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain(({ A, E, k }) => {
    // Loads around the average demand A·k/E, so that most instances are feasible and minimum
    // loads bind; a few are unrestricted, and a few have minLoad > maxLoad (never satisfiable).
    const demand = Math.floor((A * k) / E);
    const maxLoadArb = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: Math.min(demand, A), max: A }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: A }) },
    );
    const load = fc.oneof(
      {
        weight: 40,
        arbitrary: maxLoadArb.chain((maxLoad) =>
          fc.record({
            minLoad: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.min(maxLoad, demand) })),
            maxLoad: fc.constant(maxLoad),
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 0, max: A })
          .chain((maxLoad) =>
            fc.record({ minLoad: fc.integer({ min: maxLoad + 1, max: maxLoad + 2 }), maxLoad: fc.constant(maxLoad) }),
          ),
      },
    );
    return fc.record({
      k: fc.constant(k),
      applicationCount: fc.constant(A),
      experts: fc.array(load, { minLength: E, maxLength: E }),
      affinity: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: A * E, maxLength: A * E }),
      conflict: fc.constantFrom(0, 0.1, 0.3).chain((rate) =>
        fc.array(
          fc.integer({ min: 0, max: 99 }).map((r) => (r < rate * 100 ? 1 : 0)),
          { minLength: A * E, maxLength: A * E },
        ),
      ),
      balance: fc.integer({ min: 0, max: 3 }),
      fixedCandidates: fc.option(
        fc.array(fc.tuple(fc.integer({ min: 0, max: A - 1 }), fc.integer({ min: 0, max: E - 1 })), { maxLength: 6 }),
        { nil: undefined },
      ),
    });
  })
  .map(({ fixedCandidates, ...s }) => {
    if (!fixedCandidates) return s;
    const E = s.experts.length;
    const perApplication = new Map<number, number>();
    const perExpert = new Map<number, number>();
    const seen = new Set<number>();
    const fixed: [number, number][] = [];
    for (const [a, e] of fixedCandidates) {
      const i = a * E + e;
      if (seen.has(i) || s.conflict[i]) continue;
      if ((perApplication.get(a) ?? 0) >= s.k || (perExpert.get(e) ?? 0) >= (s.experts[e]?.maxLoad ?? 0)) continue;
      seen.add(i);
      perApplication.set(a, (perApplication.get(a) ?? 0) + 1);
      perExpert.set(e, (perExpert.get(e) ?? 0) + 1);
      fixed.push([a, e]);
    }
    return fixed.length > 0 ? { ...s, fixed } : s;
  });

/** Anything type-correct: negative or huge counts, minLoad > maxLoad, k > experts, arrays of the wrong length, stray fixed pairs. */
const nonsenseArb: fc.Arbitrary<Spec> = fc
  .record({ A: fc.integer({ min: 0, max: 8 }), E: fc.integer({ min: 0, max: 5 }) })
  .chain(({ A, E }) =>
    fc.record({
      k: fc.integer({ min: -2, max: 8 }),
      applicationCount: fc.oneof(fc.constant(A), fc.integer({ min: -2, max: 10 })),
      experts: fc.array(
        fc.record({ minLoad: fc.integer({ min: -3, max: 12 }), maxLoad: fc.integer({ min: -3, max: 12 }) }),
        { minLength: E, maxLength: E },
      ),
      affinity: fc.oneof(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: A * E, maxLength: A * E }),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: A * E + 3 }),
      ),
      conflict: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: A * E + 3 }),
      balance: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double({ min: 0, max: 3, noNaN: true })),
      fixed: fc.option(
        fc.array(fc.tuple(fc.integer({ min: -2, max: 10 }), fc.integer({ min: -2, max: 7 })), { maxLength: 8 }),
        { nil: undefined },
      ),
    }),
  );

describe('assignment solver', () => {
  it('matches the HiGHS LP optimum exactly, and is infeasible exactly when the LP is (property)', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        const instance = toInstance(spec);
        const lp = await lpOptimum(instance);
        const result = solveAssignment(instance);
        if (lp.status === 'Optimal') {
          expect(result.feasible).toBe(true);
          if (!result.feasible) return;
          expect(violations(instance, result.assignment)).toEqual([]);
          const objective = objectiveOf(instance, result.assignment);
          expect(result.objective).toBe(objective);
          expect(Math.abs(objective - lp.objective)).toBeLessThanOrEqual(1e-6);
        } else {
          expect(lp.status).toBe('Infeasible');
          expect(result.feasible).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('gives identical output when run twice, also on a copy of the input (property)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const first = solveAssignment(toInstance(spec));
        const second = solveAssignment(toInstance(structuredClone(spec)));
        expect(second).toEqual(first);
      }),
      { numRuns: 100 },
    );
    const instance = randomInstance(7, {
      applications: 300,
      experts: 25,
      k: 3,
      conflictRate: 0.05,
      minLoad: 20,
      maxLoad: 60,
      balance: 1,
    });
    expect(solveAssignment(instance)).toEqual(solveAssignment(instance));
  });

  it('never throws, whatever type-correct instance it gets (property)', () => {
    fc.assert(
      fc.property(nonsenseArb, (spec) => {
        const result = solveAssignment(toInstance(spec));
        expect(typeof result.feasible).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('beats the greedy where taking the best expert first is a mistake', async () => {
    // Both applications like expert 0 best, each expert takes one. Greedy gives expert 0 to
    // application 0 (10 > 9) and leaves application 1 with expert 1 (affinity 0): −10. Swapping gives −19.
    const instance = toInstance({
      k: 1,
      applicationCount: 2,
      experts: [
        { minLoad: 0, maxLoad: 1 },
        { minLoad: 0, maxLoad: 1 },
      ],
      affinity: [10, 9, 10, 0],
      conflict: [0, 0, 0, 0],
      balance: 0,
    });
    const greedy = greedyAssignment(instance);
    expect(greedy).toEqual([[0], [1]]);
    expect(objectiveOf(instance, greedy ?? [])).toBe(-10);

    const result = solveAssignment(instance);
    expect(result.feasible).toBe(true);
    if (!result.feasible) return;
    expect(result.assignment).toEqual([[1], [0]]);
    expect(result.objective).toBe(-19);
    expect(await lpOptimum(instance)).toMatchObject({ status: 'Optimal', objective: -19 });
  });

  it('lpOptimum solves a hand-checked instance', async () => {
    // 2 applications, 2 experts, k = 1, λ = 1. Both on expert 0: −9 + 4 = −5 (best); split: −5 + 2 = −3.
    const base: Spec = {
      k: 1,
      applicationCount: 2,
      experts: [
        { minLoad: 0, maxLoad: 2 },
        { minLoad: 0, maxLoad: 2 },
      ],
      affinity: [5, 1, 4, 0],
      conflict: [0, 0, 0, 0],
      balance: 1,
    };
    expect(await lpOptimum(toInstance(base))).toMatchObject({ status: 'Optimal', objective: -5 });
    // λ = 3: both on expert 0 costs −9 + 12 = 3, a split −5 + 6 = 1.
    expect(await lpOptimum(toInstance({ ...base, balance: 3 }))).toMatchObject({ status: 'Optimal', objective: 1 });
    // Expert 1 must review one: −3.
    expect(
      await lpOptimum(
        toInstance({
          ...base,
          experts: [
            { minLoad: 0, maxLoad: 2 },
            { minLoad: 1, maxLoad: 2 },
          ],
        }),
      ),
    ).toMatchObject({ status: 'Optimal', objective: -3 });
    // Application 1 conflicts with both experts: infeasible.
    expect((await lpOptimum(toInstance({ ...base, conflict: [0, 0, 1, 1] }))).status).toBe('Infeasible');
  });
});
