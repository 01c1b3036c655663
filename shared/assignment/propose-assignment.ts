import { createHash } from 'node:crypto';
import { getAssignmentSettings, listAssignable, listBids, listConflicts, listMembers } from '../chapter/chapter-store';
import { invalidState, getEdition } from '../editions/edition-store';
import type { Edition } from '../editions/edition';
import { AppError } from '../errors';
import { pairsOf, readAssignment, type AssignmentHead, type ExpertAssignment } from './assignment-store';
import { explainInfeasibility, localizeExplanation, precheck, type Explanation } from './explain';
import { buildModel, type AssignmentMode, type DropReason, type Model } from './model';
import { solveAssignment } from './solver';
import type { Deps } from '../deps';

/** Editions whose applications may be (re)assigned. */
export const assignableStates: readonly Edition['state'][] = ['open', 'review'];

export interface Proposal {
  edition: Edition;
  head: AssignmentHead;
  current: ExpertAssignment[];
  model: Model;
  mode: AssignmentMode;
  /** Per application index, the expert indexes. */
  assignment: number[][];
  objective: number;
  loads: number[];
  previewId: string;
}

export async function assignmentInputs(deps: Pick<Deps, 'store'>, editionId: string) {
  const edition = await getEdition(deps.store, editionId);
  const [settings, members, applications, conflicts, bids, { head, experts: current }] = await Promise.all([
    getAssignmentSettings(deps.store, editionId, true),
    listMembers(deps.store, editionId, true),
    listAssignable(deps.store, editionId),
    listConflicts(deps.store, editionId),
    listBids(deps.store, editionId),
    readAssignment(deps.store, editionId),
  ]);
  let previousPairs = new Set<string>();
  if (settings.rules.previousEdition && settings.previousEditionId) {
    const previous = await readAssignment(deps.store, settings.previousEditionId);
    previousPairs = new Set(previous.experts.flatMap((x) => x.pairs.map((p) => `${x.userId}:${p.institutionId}`)));
  }
  return { edition, settings, members, applications, conflicts, bids, previousPairs, head, current };
}

const infeasible = (explanation: Explanation) =>
  new AppError('ASSIGNMENT_INFEASIBLE', 'No assignment meets the constraints', {
    detail: explanation.problems[0]?.message ?? { pl: 'Nie da się przydzielić zgłoszeń.', en: 'No assignment exists.' },
    explanation: (lang) => localizeExplanation(explanation, lang),
  });

/** Loads everything, solves exactly, and names the result by a hash of what it would write. */
export async function proposeAssignment(
  deps: Pick<Deps, 'store'>,
  editionId: string,
  mode: AssignmentMode,
): Promise<Proposal> {
  const inputs = await assignmentInputs(deps, editionId);
  const { edition, head, current } = inputs;
  if (!assignableStates.includes(edition.state)) {
    throw invalidState({
      pl: 'Przydział jest możliwy, gdy nabór trwa lub trwa ocena.',
      en: 'Assignment is possible while the edition is open or in review.',
    });
  }
  const model = buildModel({ ...inputs, k: edition.expertsPerApplication, current: pairsOf(current) }, mode);
  const before = precheck(model);
  if (before) throw infeasible(before);
  const result = solveAssignment(model.instance);
  if (!result.feasible) throw infeasible(explainInfeasibility(model, result.infeasibility));
  const pairs = result.assignment.flatMap((experts, a) =>
    experts.map((e) => `${model.applications[a]?.applicationId}:${model.members[e]?.userId}`),
  );
  const previewId = createHash('sha256')
    .update(JSON.stringify([editionId, head.generation, head.version, mode, pairs]))
    .digest('base64url')
    .slice(0, 32);
  return {
    edition,
    head,
    current,
    model,
    mode,
    assignment: result.assignment,
    objective: result.objective,
    loads: result.loads,
    previewId,
  };
}

export type PairStatus = 'kept' | 'locked' | 'added';

/** What the organizer sees before committing: loads, per-application experts, and what changes. */
export function proposalView(p: Proposal) {
  const { model } = p;
  const E = model.members.length;
  const currentPairs = new Map(pairsOf(p.current).map((x) => [`${x.applicationId}:${x.userId}`, x]));
  const proposed = new Set<string>();
  const added = new Map<string, number>();
  let totalAffinity = 0;
  const applications = model.applications.map((app, a) => {
    const experts = (p.assignment[a] ?? []).map((e) => {
      const m = model.members[e]!;
      const key = `${app.applicationId}:${m.userId}`;
      proposed.add(key);
      const cur = currentPairs.get(key);
      const status: PairStatus = cur ? (cur.locked ? 'locked' : 'kept') : 'added';
      if (status === 'added') added.set(m.userId, (added.get(m.userId) ?? 0) + 1);
      const aff = model.instance.affinity[a * E + e] ?? 0;
      totalAffinity += aff;
      return { userId: m.userId, displayName: m.displayName, affinity: aff, status };
    });
    return {
      applicationId: app.applicationId,
      institutionName: app.institution.name,
      type: app.institution.type,
      experts,
      removed: [] as { userId: string; displayName: string; reason: DropReason | 'reoptimized' }[],
    };
  });
  const byApp = new Map(applications.map((x) => [x.applicationId, x]));
  const names = new Map(model.members.map((m) => [m.userId, m.displayName]));
  const dropReason = new Map(model.dropped.map((d) => [`${d.pair.applicationId}:${d.pair.userId}`, d.reason]));
  const removedBy = new Map<string, number>();
  // Every removed pair, also those of applications no longer assignable (which have no row above).
  const removedPairs: { applicationId: string; userId: string; reason: DropReason | 'reoptimized' }[] = [];
  for (const [key, pair] of currentPairs) {
    if (proposed.has(key)) continue;
    const reason = dropReason.get(key) ?? 'reoptimized';
    removedPairs.push({ applicationId: pair.applicationId, userId: pair.userId, reason });
    removedBy.set(pair.userId, (removedBy.get(pair.userId) ?? 0) + 1);
    byApp
      .get(pair.applicationId)
      ?.removed.push({ userId: pair.userId, displayName: names.get(pair.userId) ?? pair.userId, reason });
  }
  const histogram = new Map<number, number>();
  for (const l of p.loads) histogram.set(l, (histogram.get(l) ?? 0) + 1);
  const total = p.loads.reduce((s, l) => s + l, 0);
  const addedCount = [...added.values()].reduce((s, n) => s + n, 0);
  return {
    previewId: p.previewId,
    mode: p.mode,
    k: p.edition.expertsPerApplication,
    summary: {
      applications: model.applications.length,
      experts: E,
      pairs: total,
      added: addedCount,
      kept: total - addedCount,
      removed: removedPairs.length,
      totalAffinity,
      objective: p.objective,
      minLoad: E ? Math.min(...p.loads) : 0,
      maxLoad: E ? Math.max(...p.loads) : 0,
      meanLoad: E ? Math.round((total / E) * 100) / 100 : 0,
    },
    histogram: [...histogram].sort((x, y) => x[0] - y[0]).map(([load, experts]) => ({ load, experts })),
    experts: model.members.map((m, e) => ({
      userId: m.userId,
      displayName: m.displayName,
      minLoad: m.minLoad,
      maxLoad: m.maxLoad,
      load: p.loads[e] ?? 0,
      added: added.get(m.userId) ?? 0,
      removed: removedBy.get(m.userId) ?? 0,
    })),
    applications,
    removedPairs,
  };
}
