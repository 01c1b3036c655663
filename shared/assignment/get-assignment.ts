import { listAssignable, listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { listExpertAssignments } from './assignment-store';
import { comparePolish } from '../text/polish-order';

export interface GetAssignmentInput {
  editionId: string;
}

/**
 * The committed assignment for the organizer: per expert load against the bounds, per application
 * its experts (locked, flagged), and applications still short of k (late ones, flagged pairs).
 */
export async function getAssignment(deps: Pick<Deps, 'store'>, input: GetAssignmentInput) {
  const { editionId } = input;
  const edition = await getEdition(deps.store, editionId);
  const [{ head, experts }, members, applications] = await Promise.all([
    listExpertAssignments(deps.store, editionId),
    listMembers(deps.store, editionId, true),
    listAssignable(deps.store, editionId),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const byApp = new Map<
    string,
    { userId: string; displayName: string; locked: boolean; flagged: boolean; source: string }[]
  >();
  for (const x of experts) {
    for (const p of x.pairs) {
      byApp.set(p.applicationId, [
        ...(byApp.get(p.applicationId) ?? []),
        {
          userId: x.userId,
          displayName: names.get(x.userId) ?? x.userId,
          locked: p.locked,
          flagged: Boolean(p.flagged),
          source: p.source,
        },
      ]);
    }
  }
  const loads = new Map(experts.map((x) => [x.userId, x.pairs.length]));
  const rows = applications
    .map((a) => ({
      applicationId: a.applicationId,
      institutionName: a.institution.name,
      type: a.institution.type,
      experts: (byApp.get(a.applicationId) ?? []).sort((x, y) => comparePolish(x.displayName, y.displayName)),
    }))
    .sort(
      (x, y) => comparePolish(x.institutionName, y.institutionName) || (x.applicationId < y.applicationId ? -1 : 1),
    );
  return {
    k: edition.expertsPerApplication,
    committedAt: head.committedAt ?? null,
    committedBy: head.committedBy ?? null,
    committedByName: head.committedByName ?? null,
    version: head.version,
    experts: members
      .map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        minLoad: m.minLoad,
        maxLoad: m.maxLoad,
        load: loads.get(m.userId) ?? 0,
      }))
      .sort((x, y) => comparePolish(x.displayName, y.displayName)),
    applications: rows,
    short: rows.filter((r) => r.experts.filter((x) => !x.flagged).length < edition.expertsPerApplication).length,
    flagged: rows.reduce((s, r) => s + r.experts.filter((x) => x.flagged).length, 0),
  };
}
