import type { Assignment, AssignmentInstance } from './instance';
import { objectiveOf } from './instance';

/**
 * Why no valid assignment exists. The solver reports facts by index; explain.ts turns them into
 * sentences with names and rules.
 */
export interface Infeasibility {
  /**
   * Applications that could not get k experts. `group` is the bottleneck the flow could not get
   * past (a minimum cut): these applications can only be reviewed by these experts, who are full.
   */
  shortApplications: { application: number; assigned: number; group: { applications: number[]; experts: number[] } }[];
  /** Experts whose load could not reach their minimum. */
  underloadedExperts: { expert: number; load: number }[];
  /** Fixed pairs that cannot stand: conflicted, more than k for an application, or beyond an expert's maximum. */
  invalidFixed: { application: number; expert: number; reason: 'conflict' | 'tooMany' | 'overMax' | 'unknown' }[];
}

export type SolveResult =
  | { feasible: true; assignment: Assignment; objective: number; loads: number[] }
  | { feasible: false; infeasibility: Infeasibility };

/**
 * Exact solution as a min-cost flow: source → application (k units) → expert (1 unit per
 * non-conflicted pair, cost −affinity) → sink (convex cost per unit of load: the ℓ-th unit costs
 * balance·(2ℓ−1), so an expert with load L costs balance·L²; the first minLoad units also earn a
 * bonus larger than any other saving, which makes minimum loads binding whenever they can be met).
 *
 * Successive shortest paths, one application at a time, with Dijkstra on reduced costs (Johnson
 * potentials): each augmentation keeps the flow optimal for the supplies routed so far, so the
 * final flow is optimal. Reduced costs of every residual arc stay ≥ 0 — that is the certificate.
 * Ties are broken by node index, so the same input gives the same output.
 */
export function solveAssignment(instance: AssignmentInstance): SolveResult {
  const none: Infeasibility = { shortApplications: [], underloadedExperts: [], invalidFixed: [] };
  // Counts that are not whole numbers ≥ 0 admit no assignment at all.
  if (![instance.applicationCount, instance.k].every((x) => Number.isInteger(x) && x >= 0))
    return { feasible: false, infeasibility: none };
  const N = instance.applicationCount;
  const E = instance.experts.length;
  const k = instance.k;
  const λ = instance.balance;
  const maxLoad = instance.experts.map((x) => Math.max(0, Math.floor(x.maxLoad)));
  const minLoad = instance.experts.map((x) => Math.max(0, Math.ceil(x.minLoad)));
  // An expert whose minimum exceeds their maximum can never be within bounds.
  const impossible = minLoad.flatMap((m, e) => (m > (maxLoad[e] ?? 0) ? [{ expert: e, load: maxLoad[e] ?? 0 }] : []));
  if (impossible.length > 0) return { feasible: false, infeasibility: { ...none, underloadedExperts: impossible } };
  const aff = instance.affinity;
  const conflict = instance.conflict;

  const assigned = new Uint8Array(N * E);
  const load = new Int32Array(E);
  const fixedLoad = new Int32Array(E);
  const perApplication = new Int32Array(N);
  const invalidFixed: Infeasibility['invalidFixed'] = [];
  for (const [a, e] of instance.fixed ?? []) {
    if (!(a >= 0 && a < N && e >= 0 && e < E) || assigned[a * E + e]) {
      invalidFixed.push({ application: a, expert: e, reason: 'unknown' });
      continue;
    }
    if (conflict[a * E + e]) invalidFixed.push({ application: a, expert: e, reason: 'conflict' });
    else if ((perApplication[a] ?? 0) >= k) invalidFixed.push({ application: a, expert: e, reason: 'tooMany' });
    else if ((load[e] ?? 0) >= (maxLoad[e] ?? 0)) invalidFixed.push({ application: a, expert: e, reason: 'overMax' });
    else {
      assigned[a * E + e] = 1;
      load[e] = (load[e] ?? 0) + 1;
      fixedLoad[e] = (fixedLoad[e] ?? 0) + 1;
      perApplication[a] = (perApplication[a] ?? 0) + 1;
    }
  }
  if (invalidFixed.length > 0) {
    return { feasible: false, infeasibility: { shortApplications: [], underloadedExperts: [], invalidFixed } };
  }

  // Larger than any total of the other cost terms, so meeting minimum loads always comes first.
  let maxAffinity = 0;
  for (let i = 0; i < N * E; i++) maxAffinity = Math.max(maxAffinity, Math.abs(aff[i] ?? 0));
  const BIG = 2 * (N * k * maxAffinity + Math.abs(λ) * maxLoad.reduce((s, m) => s + m * m, 0)) + 1;
  /** Cost of the ℓ-th unit of load of expert e. */
  const unitCost = (e: number, l: number) => λ * (2 * l - 1) - (l <= (minLoad[e] ?? 0) ? BIG : 0);

  // Movable assignments per expert (fixed pairs are not in the graph: they can never be undone).
  const movable: number[][] = Array.from({ length: E }, () => []);
  const T = N + E;
  const pi = new Float64Array(N + E + 1);
  let sinkPotential = Infinity;
  for (let e = 0; e < E; e++)
    if ((load[e] ?? 0) < (maxLoad[e] ?? 0)) sinkPotential = Math.min(sinkPotential, unitCost(e, (load[e] ?? 0) + 1));
  pi[T] = Number.isFinite(sinkPotential) ? sinkPotential : 0;

  const dist = new Float64Array(N + E + 1).fill(Infinity);
  const parent = new Int32Array(N + E + 1);
  const done = new Uint8Array(N + E + 1);
  const heap = new MinHeap(N + E + 1);
  const touched: number[] = [];
  const shortApplications: Infeasibility['shortApplications'] = [];

  /** One shortest path from application `root` to the sink and one unit pushed along it; false when none exists. */
  const augment = (root: number): boolean => {
    for (const v of touched) {
      dist[v] = Infinity;
      done[v] = 0;
    }
    touched.length = 0;
    heap.clear();
    dist[root] = 0;
    parent[root] = -1;
    touched.push(root);
    heap.push(root, 0);
    const relax = (from: number, to: number, reduced: number) => {
      const d = (dist[from] ?? 0) + reduced;
      if (done[to]) return;
      if (d < (dist[to] ?? Infinity)) {
        if (dist[to] === Infinity) touched.push(to);
        dist[to] = d;
        parent[to] = from;
        heap.push(to, d);
      }
    };
    let reached = false;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === T) {
        reached = true;
        break;
      }
      if (u < N) {
        const row = u * E;
        const pu = pi[u] ?? 0;
        for (let e = 0; e < E; e++) {
          if (assigned[row + e] || conflict[row + e]) continue;
          relax(u, N + e, -(aff[row + e] ?? 0) + pu - (pi[N + e] ?? 0));
        }
      } else {
        const e = u - N;
        const pe = pi[u] ?? 0;
        if ((load[e] ?? 0) < (maxLoad[e] ?? 0)) relax(u, T, unitCost(e, (load[e] ?? 0) + 1) + pe - (pi[T] ?? 0));
        for (const a of movable[e] ?? []) relax(u, a, (aff[a * E + e] ?? 0) + pe - (pi[a] ?? 0));
      }
    }
    if (!reached) return false;
    const D = dist[T] ?? 0;
    for (const v of touched) if (done[v]) pi[v] = (pi[v] ?? 0) + Math.min(dist[v] ?? 0, D);
    // Nodes not settled move by D (the usual early-stop rule keeps every reduced cost ≥ 0).
    for (let v = 0; v <= T; v++) if (!done[v]) pi[v] = (pi[v] ?? 0) + D;
    // Walk back: sink ← expert ← application ← expert ← … ← root.
    let v = parent[T] ?? -1;
    load[v - N] = (load[v - N] ?? 0) + 1;
    while (v !== root) {
      const p = parent[v] ?? -1;
      if (p < N) {
        // p → v is an assignment of application p to expert v.
        assigned[p * E + (v - N)] = 1;
        movable[v - N]?.push(p);
      } else {
        // p → v undoes the assignment of application v to expert p.
        assigned[v * E + (p - N)] = 0;
        const list = movable[p - N] ?? [];
        list.splice(list.indexOf(v), 1);
      }
      v = p;
    }
    return true;
  };

  for (let a = 0; a < N; a++) {
    // A new source: its potential makes all its arcs' reduced costs ≥ 0 (it has no incoming arcs yet).
    let p = -Infinity;
    for (let e = 0; e < E; e++)
      if (!conflict[a * E + e] && !assigned[a * E + e]) p = Math.max(p, (pi[N + e] ?? 0) + (aff[a * E + e] ?? 0));
    pi[a] = Number.isFinite(p) ? p : 0;
    for (let unit = perApplication[a] ?? 0; unit < k; unit++) {
      if (!augment(a)) {
        const group = { applications: [] as number[], experts: [] as number[] };
        for (const v of touched) {
          if (!done[v]) continue;
          if (v < N) group.applications.push(v);
          else if (v < T) group.experts.push(v - N);
        }
        group.applications.sort((x, y) => x - y);
        group.experts.sort((x, y) => x - y);
        shortApplications.push({ application: a, assigned: unit, group });
        break;
      }
    }
  }

  const underloadedExperts: Infeasibility['underloadedExperts'] = [];
  for (let e = 0; e < E; e++)
    if ((load[e] ?? 0) < (minLoad[e] ?? 0)) underloadedExperts.push({ expert: e, load: load[e] ?? 0 });
  if (shortApplications.length > 0 || underloadedExperts.length > 0) {
    return { feasible: false, infeasibility: { shortApplications, underloadedExperts, invalidFixed: [] } };
  }
  const assignment: Assignment = [];
  for (let a = 0; a < N; a++) {
    const experts: number[] = [];
    for (let e = 0; e < E; e++) if (assigned[a * E + e]) experts.push(e);
    assignment.push(experts);
  }
  return { feasible: true, assignment, objective: objectiveOf(instance, assignment), loads: Array.from(load) };
}

/**
 * Binary heap of (node, key); on equal keys the larger index comes first, so the sink (the last node)
 * is taken as soon as it is as close as anything else. Stale entries are skipped by the caller.
 */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear() {
    this.size = 0;
  }
  private less(i: number, j: number) {
    const ki = this.keys[i] ?? 0;
    const kj = this.keys[j] ?? 0;
    return ki < kj || (ki === kj && (this.nodes[i] ?? 0) > (this.nodes[j] ?? 0));
  }
  private swap(i: number, j: number) {
    const n = this.nodes[i] ?? 0;
    const k = this.keys[i] ?? 0;
    this.nodes[i] = this.nodes[j] ?? 0;
    this.keys[i] = this.keys[j] ?? 0;
    this.nodes[j] = n;
    this.keys[j] = k;
  }
  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    this.nodes[i] = node;
    this.keys[i] = key;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.nodes[0] ?? 0;
    this.size--;
    if (this.size > 0) {
      this.nodes[0] = this.nodes[this.size] ?? 0;
      this.keys[0] = this.keys[this.size] ?? 0;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
