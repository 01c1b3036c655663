/**
 * The contrast baseline: a one-pass greedy. Applications in index order each take the k
 * non-conflicted experts with room left that have the best marginal gain
 * affinity − λ·(2·load + 1) (the increase of λ·load² when the load grows by one). Fixed pairs are
 * placed first. It ignores minLoad (the benchmark counts the violations) and gives up (null) when an
 * application cannot get k experts.
 */
import type { Assignment, AssignmentInstance } from '../../shared/assignment/instance';

export function greedyAssignment(instance: AssignmentInstance): Assignment | null {
  const E = instance.experts.length;
  const A = instance.applicationCount;
  const { k, balance, affinity, conflict } = instance;
  const loads = new Array<number>(E).fill(0);
  const chosen: Set<number>[] = Array.from({ length: A }, () => new Set<number>());

  for (const [a, e] of instance.fixed ?? []) {
    const experts = chosen[a];
    if (!experts || e < 0 || e >= E || conflict[a * E + e]) return null;
    if (experts.has(e)) continue;
    experts.add(e);
    loads[e] = (loads[e] ?? 0) + 1;
  }
  for (const experts of chosen) if (experts.size > k) return null;
  for (let e = 0; e < E; e++) if ((loads[e] ?? 0) > (instance.experts[e]?.maxLoad ?? 0)) return null;

  for (let a = 0; a < A; a++) {
    const experts = chosen[a] ?? new Set<number>();
    while (experts.size < k) {
      let best = -1;
      let bestGain = -Infinity;
      for (let e = 0; e < E; e++) {
        if (experts.has(e) || conflict[a * E + e]) continue;
        const load = loads[e] ?? 0;
        if (load >= (instance.experts[e]?.maxLoad ?? 0)) continue;
        const gain = (affinity[a * E + e] ?? 0) - balance * (2 * load + 1);
        if (gain > bestGain) {
          bestGain = gain;
          best = e;
        }
      }
      if (best < 0) return null;
      experts.add(best);
      loads[best] = (loads[best] ?? 0) + 1;
    }
  }
  return chosen.map((experts) => [...experts].sort((x, y) => x - y));
}
