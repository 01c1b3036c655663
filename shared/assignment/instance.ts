/**
 * The assignment problem in plain numbers, as the solver, the LP baseline and the tests see it.
 * Applications and experts are referred to by index; the use cases translate ids to indexes and
 * back. Everything is an integer, so "optimal" can be compared exactly.
 *
 * Objective (minimized):  Σ over assigned pairs of −affinity(a, e)  +  balance × Σ over experts of load(e)²
 * Constraints: every application gets exactly k distinct experts; every expert's load (fixed pairs
 * included) stays within [minLoad, maxLoad]; no conflicted pair; fixed pairs stay.
 */
export interface AssignmentInstance {
  /** Experts per application. */
  k: number;
  applicationCount: number;
  experts: readonly { minLoad: number; maxLoad: number }[];
  /** Integer affinity of expert e for application a, at `a * experts.length + e`. */
  affinity: Int32Array;
  /** 1 where the pair may never be assigned (a conflict of interest), at `a * experts.length + e`. */
  conflict: Uint8Array;
  /** Weight of the convex load term (integer ≥ 0); 0 ignores balance. */
  balance: number;
  /** Pairs that must stay (locked, or kept by an incremental run): [application, expert]. */
  fixed?: readonly (readonly [number, number])[];
}

/** Per application, the experts assigned (ascending indexes). */
export type Assignment = number[][];

export function loadsOf(instance: AssignmentInstance, assignment: Assignment): number[] {
  const loads = instance.experts.map(() => 0);
  for (const experts of assignment) for (const e of experts) loads[e] = (loads[e] ?? 0) + 1;
  return loads;
}

/** The objective above, for any assignment (fixed pairs are part of it). */
export function objectiveOf(instance: AssignmentInstance, assignment: Assignment): number {
  const E = instance.experts.length;
  let total = 0;
  assignment.forEach((experts, a) => {
    for (const e of experts) total -= instance.affinity[a * E + e] ?? 0;
  });
  for (const load of loadsOf(instance, assignment)) total += instance.balance * load * load;
  return total;
}

/** Every constraint the assignment breaks, in words (empty when it is valid). */
export function violations(instance: AssignmentInstance, assignment: Assignment): string[] {
  const E = instance.experts.length;
  const problems: string[] = [];
  if (assignment.length !== instance.applicationCount)
    problems.push(`${assignment.length} applications, expected ${instance.applicationCount}`);
  assignment.forEach((experts, a) => {
    if (experts.length !== instance.k)
      problems.push(`application ${a} has ${experts.length} experts, expected ${instance.k}`);
    if (new Set(experts).size !== experts.length) problems.push(`application ${a} has an expert twice`);
    for (const e of experts) {
      if (e < 0 || e >= E) problems.push(`application ${a} has unknown expert ${e}`);
      else if (instance.conflict[a * E + e]) problems.push(`application ${a} is assigned to conflicted expert ${e}`);
    }
  });
  loadsOf(instance, assignment).forEach((load, e) => {
    const { minLoad, maxLoad } = instance.experts[e] ?? { minLoad: 0, maxLoad: 0 };
    if (load < minLoad || load > maxLoad)
      problems.push(`expert ${e} has load ${load}, outside [${minLoad}, ${maxLoad}]`);
  });
  for (const [a, e] of instance.fixed ?? []) {
    if (!assignment[a]?.includes(e)) problems.push(`fixed pair (${a}, ${e}) was dropped`);
  }
  return problems;
}
