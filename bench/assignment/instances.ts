/**
 * Deterministic random assignment instances shaped like a contest: applications in one of 9
 * categories, experts preferring 2 of them, sparse bids, and a few conflicts of interest.
 */
import type { AssignmentInstance } from '../../shared/assignment/instance';

/** mulberry32: a small, fast, deterministic 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomInstanceOptions {
  applications: number;
  experts: number;
  /** Experts per application. */
  k: number;
  /** Probability that a pair is a conflict of interest. */
  conflictRate: number;
  minLoad: number;
  maxLoad: number;
  /** λ, the weight of Σ load². */
  balance: number;
  /** Share of pairs with a bid (default 0.2). */
  bidRate?: number;
}

const CATEGORIES = 9;
const PREFERRED_PER_EXPERT = 2;

/**
 * affinity = 10·bid (bid ∈ −2..+2 on ~bidRate of the pairs, 0 elsewhere) + 5 when the application's
 * category is one the expert prefers. Every application keeps at least k + 2 non-conflicted experts
 * (or all experts when there are fewer), so the k-per-application demand alone never makes it infeasible.
 */
export function randomInstance(seed: number, opts: RandomInstanceOptions): AssignmentInstance {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const A = opts.applications;
  const E = opts.experts;
  const bidRate = opts.bidRate ?? 0.2;

  const applicationCategory = Array.from({ length: A }, () => int(CATEGORIES));
  const preferred = Array.from({ length: E }, () => {
    const categories = new Set<number>();
    while (categories.size < Math.min(PREFERRED_PER_EXPERT, CATEGORIES)) categories.add(int(CATEGORIES));
    return categories;
  });

  const affinity = new Int32Array(A * E);
  const conflict = new Uint8Array(A * E);
  const keep = Math.min(E, opts.k + 2);
  for (let a = 0; a < A; a++) {
    let free = E;
    for (let e = 0; e < E; e++) {
      const i = a * E + e;
      const bid = random() < bidRate ? int(5) - 2 : 0;
      affinity[i] = 10 * bid + (preferred[e]?.has(applicationCategory[a] ?? -1) ? 5 : 0);
      if (random() < opts.conflictRate) {
        conflict[i] = 1;
        free--;
      }
    }
    // Lift conflicts at random until the application keeps enough experts.
    while (free < keep) {
      const e = int(E);
      if (conflict[a * E + e]) {
        conflict[a * E + e] = 0;
        free++;
      }
    }
  }

  return {
    k: opts.k,
    applicationCount: A,
    experts: Array.from({ length: E }, () => ({ minLoad: opts.minLoad, maxLoad: opts.maxLoad })),
    affinity,
    conflict,
    balance: opts.balance,
  };
}
