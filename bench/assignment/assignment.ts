/**
 * The exact assignment solver (shared/assignment/solver.ts) on random contest-shaped instances, up to
 * the target size (2000 applications × 150 experts, k = 3). Baselines measured in the same run:
 * the LP optimum from HiGHS (the solver must match it exactly) and a one-pass greedy (what an exact
 * solver buys). The solver's time target is absolute: median ≤ 2000 ms on the target instance.
 */
import { loadsOf, objectiveOf, violations, type AssignmentInstance } from '../../shared/assignment/instance';
import { solveAssignment } from '../../shared/assignment/solver';
import { median, printTable, round, writeFigures, type Figure } from '../support';
import { greedyAssignment } from './greedy';
import { randomInstance, type RandomInstanceOptions } from './instances';
import { lpOptimum } from './lp-optimum';

const TARGET_MS = 2000;
const SAMPLES_OVERRIDE = process.env.BENCH_SAMPLES ? Number(process.env.BENCH_SAMPLES) : undefined;

interface Case {
  name: string;
  seed: number;
  options: RandomInstanceOptions;
  /** Timed solver runs when BENCH_SAMPLES is not set. */
  samples: number;
  /** Whether the time target applies. */
  target: boolean;
}

const cases: Case[] = [
  {
    name: 'small 100×15',
    seed: 101,
    samples: 21,
    target: false,
    options: { applications: 100, experts: 15, k: 3, conflictRate: 0.05, minLoad: 15, maxLoad: 25, balance: 1 },
  },
  {
    name: 'medium 500×40',
    seed: 202,
    samples: 11,
    target: false,
    options: { applications: 500, experts: 40, k: 3, conflictRate: 0.05, minLoad: 30, maxLoad: 45, balance: 1 },
  },
  {
    name: 'target 2000×150',
    seed: 303,
    samples: 5,
    target: true,
    options: { applications: 2000, experts: 150, k: 3, conflictRate: 0.05, minLoad: 30, maxLoad: 45, balance: 1 },
  },
];

interface Outcome {
  name: string;
  target: boolean;
  samples: number;
  medianMs: number;
  solverObjective: number;
  lpObjective: number;
  lpSeconds: number;
  greedyObjective: number | null;
  greedyViolations: number;
  maxLoad: number;
  minLoad: number;
}

function fail(name: string, message: string): never {
  throw new Error(`assignment benchmark, ${name}: ${message}`);
}

async function runCase(c: Case): Promise<Outcome> {
  const instance: AssignmentInstance = randomInstance(c.seed, c.options);
  const samples = SAMPLES_OVERRIDE ?? c.samples;

  // Unmeasured first run (JIT warm-up), checked in full.
  const first = solveAssignment(instance);
  if (!first.feasible) fail(c.name, `solver says infeasible: ${JSON.stringify(first.infeasibility).slice(0, 500)}`);
  const problems = violations(instance, first.assignment);
  if (problems.length > 0)
    fail(c.name, `solver assignment breaks ${problems.length} constraints, e.g. ${problems.slice(0, 5).join('; ')}`);
  const solverObjective = objectiveOf(instance, first.assignment);
  if (solverObjective !== first.objective)
    fail(c.name, `solver reports objective ${first.objective}, its assignment has ${solverObjective}`);

  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const result = solveAssignment(instance);
    times.push(performance.now() - started);
    if (!result.feasible || result.objective !== first.objective)
      fail(c.name, 'solver gave a different result on a repeated run');
  }

  const lp = await lpOptimum(instance);
  if (lp.status !== 'Optimal') fail(c.name, `HiGHS status ${lp.status}`);
  const tolerance = 1e-6 * Math.max(1, Math.abs(lp.objective));
  if (Math.abs(solverObjective - lp.objective) > tolerance) {
    fail(
      c.name,
      `solver objective ${solverObjective} differs from the LP optimum ${lp.objective} (gap ${solverObjective - lp.objective})`,
    );
  }

  const greedy = greedyAssignment(instance);
  const loads = loadsOf(instance, first.assignment);
  return {
    name: c.name,
    target: c.target,
    samples,
    medianMs: median(times),
    solverObjective,
    lpObjective: lp.objective,
    lpSeconds: lp.seconds,
    greedyObjective: greedy ? objectiveOf(instance, greedy) : null,
    greedyViolations: greedy ? violations(instance, greedy).length : 0,
    maxLoad: Math.max(...loads),
    minLoad: Math.min(...loads),
  };
}

export async function assignmentBenchmark(): Promise<Figure[]> {
  const outcomes: Outcome[] = [];
  for (const c of cases) outcomes.push(await runCase(c));

  printTable(
    `Assignment: exact solver vs HiGHS LP optimum and a greedy (Node ${process.version}; solver times are medians)`,
    [
      'instance',
      'runs',
      'solver median ms',
      'solver objective',
      'LP objective',
      'gap',
      'LP s',
      'greedy objective',
      'greedy gap',
      'greedy violations',
      'solver load max/min',
    ],
    outcomes.map((o) => [
      o.name,
      o.samples,
      round(o.medianMs, 1),
      o.solverObjective,
      round(o.lpObjective, 6),
      round(o.solverObjective - o.lpObjective, 6),
      round(o.lpSeconds, 2),
      o.greedyObjective ?? 'stuck',
      o.greedyObjective === null ? '' : round(o.greedyObjective - o.lpObjective, 6),
      o.greedyObjective === null ? '' : o.greedyViolations,
      `${o.maxLoad}/${o.minLoad}`,
    ]),
  );

  const figures: Figure[] = [];
  for (const o of outcomes) {
    if (o.target) {
      figures.push({
        benchmark: 'assignment',
        name: `solve time ${o.name} (median)`,
        value: round(o.medianMs),
        unit: 'ms',
        baseline: round(o.lpSeconds * 1000),
        ratio: round(o.medianMs / (o.lpSeconds * 1000), 3),
        target: TARGET_MS,
        ok: o.medianMs <= TARGET_MS,
      });
    }
    const gap = o.solverObjective - o.lpObjective;
    figures.push({
      benchmark: 'assignment',
      name: `objective gap to LP optimum, ${o.name}`,
      value: round(gap, 6),
      unit: 'objective',
      baseline: round(o.lpObjective, 6),
      ratio: round(gap / Math.max(1, Math.abs(o.lpObjective)), 9),
    });
  }
  writeFigures('assignment', figures);
  return figures;
}
