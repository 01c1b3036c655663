/**
 * The assignment problem of shared/assignment/instance.ts as a linear program, solved by HiGHS
 * (the `highs` npm package, WebAssembly). It is the independent reference the exact solver is
 * checked against in the benchmark and in the property tests.
 *
 * Model (CPLEX LP format):
 *   x_a_e ∈ [0, 1] for every non-conflicted pair (a fixed pair has lower bound 1);
 *   y_e_j ∈ [0, 1], j = 1..maxLoad_e, the j-th unit of expert e's load, cost λ(2j − 1), so the
 *     first L segments cost λL²; the costs increase with j, so the LP fills them in order;
 *   a_a:  Σ_e x_a_e = k                      (every application gets k experts)
 *   l_e:  Σ_a x_a_e − Σ_j y_e_j = 0          (the segments carry the load)
 *   m_e:  Σ_j y_e_j ≥ minLoad_e              (≡ Σ_a x_a_e ≥ minLoad_e through l_e)
 *   u_e:  Σ_j y_e_j ≤ maxLoad_e              (implied by the y bounds; cheap, so stated)
 *   minimize Σ −affinity·x + Σ λ(2j − 1)·y.
 * The constraint matrix is a network matrix (totally unimodular) and the bounds are integers, so
 * the LP has an integral optimal vertex: its optimum is the integer optimum. Simplex returns a
 * vertex, hence an exact figure (within floating-point tolerance).
 *
 * A fixed pair that is conflicted or out of range makes the instance infeasible; it is encoded so
 * that HiGHS itself proves it (an impossible bound or row), never decided here.
 */
import type { AssignmentInstance } from '../../shared/assignment/instance';

type HighsModule = Awaited<ReturnType<typeof import('highs').default>>;

let highsPromise: Promise<HighsModule> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export function loadHighs(): Promise<HighsModule> {
  highsPromise ??= import('highs').then((m) => m.default());
  return highsPromise;
}

export interface LpResult {
  /** HiGHS's objective value; meaningful only when status is 'Optimal'. */
  objective: number;
  /** Wall time of building the LP text and solving it. */
  seconds: number;
  /** HiGHS's model status ('Optimal', 'Infeasible', …). */
  status: string;
}

/** Terms per line in the LP text: the reader accepts continuation lines, and short lines are kinder to it. */
const TERMS_PER_LINE = 16;

/** Appends `name: terms sense rhs` to `out`, wrapping long expressions; an empty expression becomes `0 zero`. */
function pushRow(out: string[], name: string, terms: string[], sense: '=' | '>=' | '<=', rhs: number): void {
  if (terms.length === 0) {
    out.push(` ${name}: 0 zero ${sense} ${rhs}`);
    return;
  }
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) {
    const chunk = terms.slice(i, i + TERMS_PER_LINE).join(' ');
    out.push(i === 0 ? ` ${name}: ${chunk}` : `  ${chunk}`);
  }
  out.push(`  ${sense} ${rhs}`);
}

const term = (coefficient: number, variable: string): string =>
  coefficient < 0 ? `- ${-coefficient} ${variable}` : `+ ${coefficient} ${variable}`;

/** The instance as CPLEX LP text (exported for inspection and tests). */
export function lpText(instance: AssignmentInstance): string {
  const E = instance.experts.length;
  const A = instance.applicationCount;
  const { k, balance, affinity, conflict } = instance;

  const fixedPairs = new Set<number>();
  let impossibleFixed = 0;
  for (const [a, e] of instance.fixed ?? []) {
    const inRange = Number.isInteger(a) && Number.isInteger(e) && a >= 0 && a < A && e >= 0 && e < E;
    if (!inRange || conflict[a * E + e]) impossibleFixed++;
    else fixedPairs.add(a * E + e);
  }

  const objective: string[] = [];
  const bounds: string[] = [' 0 <= zero <= 0'];
  const rows: string[] = [];
  const expertTerms: string[][] = instance.experts.map(() => []);

  for (let a = 0; a < A; a++) {
    const appTerms: string[] = [];
    for (let e = 0; e < E; e++) {
      const i = a * E + e;
      if (conflict[i]) continue;
      const x = `x_${a}_${e}`;
      const cost = -(affinity[i] ?? 0);
      if (cost !== 0) objective.push(term(cost, x));
      appTerms.push(`+ ${x}`);
      expertTerms[e]?.push(`+ ${x}`);
      bounds.push(fixedPairs.has(i) ? ` 1 <= ${x} <= 1` : ` 0 <= ${x} <= 1`);
    }
    pushRow(rows, `a_${a}`, appTerms, '=', k);
  }

  instance.experts.forEach(({ minLoad, maxLoad }, e) => {
    const segments = Math.max(0, Math.floor(maxLoad));
    const terms = expertTerms[e] ?? [];
    const yTerms: string[] = [];
    for (let j = 1; j <= segments; j++) {
      const y = `y_${e}_${j}`;
      const cost = balance * (2 * j - 1);
      if (cost !== 0) objective.push(term(cost, y));
      terms.push(`- ${y}`);
      yTerms.push(`+ ${y}`);
      bounds.push(` 0 <= ${y} <= 1`);
    }
    pushRow(rows, `l_${e}`, terms, '=', 0);
    pushRow(rows, `m_${e}`, yTerms, '>=', minLoad);
    pushRow(rows, `u_${e}`, yTerms, '<=', maxLoad);
  });

  // A conflicted or out-of-range fixed pair: a row no assignment can satisfy, for HiGHS to prove.
  if (impossibleFixed > 0) rows.push(` fixed_impossible: 0 zero >= ${impossibleFixed}`);

  const lines: string[] = ['Minimize'];
  if (objective.length === 0) lines.push(' obj: 0 zero');
  else {
    for (let i = 0; i < objective.length; i += TERMS_PER_LINE) {
      const chunk = objective.slice(i, i + TERMS_PER_LINE).join(' ');
      lines.push(i === 0 ? ` obj: ${chunk}` : `  ${chunk}`);
    }
  }
  // Joined part by part: spreading ~300k lines into one push would overflow the call stack.
  return [lines.join('\n'), 'Subject To', rows.join('\n'), 'Bounds', bounds.join('\n'), 'End', ''].join('\n');
}

/**
 * Solves the LP with HiGHS's dual simplex (a vertex, so exact; no interior point without crossover).
 * Every variable is bounded, so the LP cannot be unbounded: a presolve verdict of "infeasible or
 * unbounded" is reported as 'Infeasible'.
 */
export async function lpOptimum(instance: AssignmentInstance): Promise<LpResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const text = lpText(instance);
  const result = highs.solve(text, { presolve: 'on', solver: 'simplex', output_flag: false });
  const seconds = (performance.now() - started) / 1000;
  const status = result.Status === 'Primal infeasible or unbounded' ? 'Infeasible' : result.Status;
  return { objective: result.ObjectiveValue, seconds, status };
}
