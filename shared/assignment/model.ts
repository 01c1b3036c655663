import {
  affinity,
  pairReasons,
  type AssignmentSettings,
  type ChapterMember,
  type ConflictReason,
  type InstitutionPlace,
  type StoredConflict,
} from '../chapter/chapter';
import type { AssignmentInstance } from './instance';

/**
 * From records to the solver's numbers and back. Pure. Applications and members are indexed in
 * id order, so the same records always give the same instance (and, the solver being
 * deterministic, the same assignment).
 */

export interface AssignableApplication {
  applicationId: string;
  institution: InstitutionPlace;
}

/** A pair of the committed assignment. */
export interface CurrentPair {
  applicationId: string;
  userId: string;
  locked: boolean;
  /** Set when a conflict was declared after the pair was committed: the expert is to be replaced. */
  flagged?: { reason: string; at: string };
  source: 'auto' | 'manual';
  assignedAt: string;
}

export interface AssignmentInputs {
  k: number;
  settings: AssignmentSettings;
  members: ChapterMember[];
  applications: AssignableApplication[];
  conflicts: StoredConflict[];
  bids: { userId: string; applicationId: string; value: number }[];
  /** `${userId}:${institutionId}` pairs reviewed in the previous edition (rotation rule). */
  previousPairs: ReadonlySet<string>;
  current: CurrentPair[];
}

/** incremental: keep every valid current pair and fill the gaps; full: re-optimize all but locked pairs. */
export type AssignmentMode = 'incremental' | 'full';

export type DropReason = 'conflict' | 'notEligible' | 'notInChapter';

export interface Model {
  instance: AssignmentInstance;
  members: ChapterMember[];
  applications: AssignableApplication[];
  /** Why a pair is forbidden, at `a * E + e` (only conflicted pairs have an entry). */
  reasons: Map<number, ConflictReason[]>;
  /** Current pairs that cannot stay, and why. */
  dropped: { pair: CurrentPair; reason: DropReason }[];
}

export function buildModel(inputs: AssignmentInputs, mode: AssignmentMode): Model {
  const members = [...inputs.members].sort((x, y) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
  const applications = [...inputs.applications].sort((x, y) =>
    x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : 0,
  );
  const E = members.length;
  const N = applications.length;
  const expertIndex = new Map(members.map((m, e) => [m.userId, e]));
  const applicationIndex = new Map(applications.map((a, i) => [a.applicationId, i]));
  const stored = new Map<string, StoredConflict[]>();
  for (const c of inputs.conflicts) {
    const key = `${c.userId}:${c.institutionId}`;
    stored.set(key, [...(stored.get(key) ?? []), c]);
  }
  const bids = new Map(inputs.bids.map((b) => [`${b.userId}:${b.applicationId}`, b.value]));
  const reviewedLastEdition = (userId: string, institutionId: string) =>
    inputs.previousPairs.has(`${userId}:${institutionId}`);

  const affinityTable = new Int32Array(N * E);
  const conflict = new Uint8Array(N * E);
  const reasons = new Map<number, ConflictReason[]>();
  applications.forEach((app, a) => {
    members.forEach((m, e) => {
      const i = a * E + e;
      const why = pairReasons(
        stored.get(`${m.userId}:${app.institution.institutionId}`) ?? [],
        m,
        app.institution,
        inputs.settings,
        reviewedLastEdition,
      );
      if (why.length > 0) {
        conflict[i] = 1;
        reasons.set(i, why);
      }
      affinityTable[i] = affinity(
        m,
        app.institution.type,
        bids.get(`${m.userId}:${app.applicationId}`) ?? 0,
        inputs.settings.weights,
      );
    });
  });

  const fixed: [number, number][] = [];
  const dropped: Model['dropped'] = [];
  for (const pair of inputs.current) {
    const a = applicationIndex.get(pair.applicationId);
    const e = expertIndex.get(pair.userId);
    if (a === undefined) dropped.push({ pair, reason: 'notEligible' });
    else if (e === undefined) dropped.push({ pair, reason: 'notInChapter' });
    else if (conflict[a * E + e]) dropped.push({ pair, reason: 'conflict' });
    else if (mode === 'incremental' || pair.locked) fixed.push([a, e]);
  }
  fixed.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  return {
    instance: {
      k: inputs.k,
      applicationCount: N,
      experts: members.map((m) => ({ minLoad: m.minLoad, maxLoad: m.maxLoad })),
      affinity: affinityTable,
      conflict,
      balance: inputs.settings.balance,
      fixed,
    },
    members,
    applications,
    reasons,
    dropped,
  };
}
