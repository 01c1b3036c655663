import { buildModel } from '../assignment/model';
import { assignmentInputs } from '../assignment/propose-assignment';
import type { Deps } from '../deps';
import type { ConflictReason } from './chapter';
import { listInstitutionNames } from './conflict-store';
import { comparePolish } from '../text/polish-order';

export interface ListEditionConflictsInput {
  editionId: string;
  /** Only this expert's conflicts. */
  userId?: string;
  offset?: number;
  limit?: number;
}

export interface ConflictRow {
  userId: string;
  expertName: string;
  institutionId: string;
  institutionName: string;
  applicationId: string | null;
  reasons: ConflictReason[];
}

/**
 * Every conflict of the edition with the reasons that produced it: stored ones (declared, set by the
 * organizer) and those derived by the enabled rules for the current applications. Sorted by expert
 * then institution, paged by offset (the list is computed, not stored).
 */
export async function listEditionConflicts(
  deps: Pick<Deps, 'store'>,
  input: ListEditionConflictsInput,
): Promise<{ items: ConflictRow[]; total: number; offset: number }> {
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const inputs = await assignmentInputs(deps, { editionId: input.editionId });
  const model = buildModel({ ...inputs, k: inputs.edition.expertsPerApplication, current: [] }, 'incremental');
  const E = model.members.length;
  const rows = new Map<string, ConflictRow>();
  model.applications.forEach((app, a) => {
    model.members.forEach((m, e) => {
      const reasons = model.reasons.get(a * E + e);
      if (reasons)
        rows.set(`${m.userId}:${app.institution.institutionId}`, {
          userId: m.userId,
          expertName: m.displayName,
          institutionId: app.institution.institutionId,
          institutionName: app.institution.name,
          applicationId: app.applicationId,
          reasons,
        });
    });
  });
  // Stored conflicts with institutions that have no assignable application (yet) are listed too.
  const names = new Map(model.members.map((m) => [m.userId, m.displayName]));
  const orphans = inputs.conflicts.filter((c) => !rows.has(`${c.userId}:${c.institutionId}`));
  const institutions = await listInstitutionNames(
    deps.store,
    orphans.map((c) => c.institutionId),
  );
  for (const c of orphans) {
    rows.set(`${c.userId}:${c.institutionId}`, {
      userId: c.userId,
      expertName: names.get(c.userId) ?? c.userId,
      institutionId: c.institutionId,
      institutionName: institutions.get(c.institutionId) ?? c.institutionId,
      applicationId: null,
      reasons: [{ source: c.source, reason: c.reason }],
    });
  }
  const all = [...rows.values()]
    .filter((r) => !input.userId || r.userId === input.userId)
    .sort(
      (x, y) =>
        comparePolish(x.expertName, y.expertName) ||
        comparePolish(x.institutionName, y.institutionName) ||
        (x.institutionId < y.institutionId ? -1 : 1),
    );
  return { items: all.slice(offset, offset + limit), total: all.length, offset };
}
