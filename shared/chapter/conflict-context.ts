import { getHeader } from '../applications/application-store';
import type { ApplicationHeader } from '../applications/application';
import { expertAssignmentPut, headUpdate, readExpertAssignment } from '../assignment/assignment-store';
import { AppError } from '../errors';
import { getInstitution } from '../institutions/institution-store';
import type { Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';
import {
  pairReasons,
  type ChapterMember,
  type ConflictReason,
  type InstitutionPlace,
  type StoredConflict,
} from './chapter';
import { getAssignmentSettings, getMember } from './chapter-store';
import type { Deps } from '../deps';

/** An application of this edition, or 404 (as if it did not exist) when it belongs to another. */
export async function editionApplication(
  store: Store,
  editionId: string,
  applicationId: string,
): Promise<ApplicationHeader> {
  const header = await getHeader(store, applicationId);
  if (header.editionId !== editionId) throw new AppError('NOT_FOUND', 'No such application in this edition');
  return header;
}

/** Everything that forbids one expert from one application: stored conflicts and enabled rules. */
export async function pairConflicts(
  deps: Pick<Deps, 'store'>,
  editionId: string,
  userId: string,
  applicationId: string,
): Promise<{ member: ChapterMember; header: ApplicationHeader; place: InstitutionPlace; reasons: ConflictReason[] }> {
  const [member, header, settings] = await Promise.all([
    getMember(deps.store, editionId, userId, true),
    editionApplication(deps.store, editionId, applicationId),
    getAssignmentSettings(deps.store, editionId),
  ]);
  const [institution, stored, previous] = await Promise.all([
    getInstitution(deps, header.institutionId),
    deps.store.get<StoredConflict & Record<string, unknown>>(keys.conflict(editionId, userId, header.institutionId), {
      consistent: true,
    }),
    settings.rules.previousEdition && settings.previousEditionId
      ? readExpertAssignment(deps.store, settings.previousEditionId, userId)
      : Promise.resolve({ mine: null }),
  ]);
  const place: InstitutionPlace = {
    institutionId: institution.institutionId,
    name: institution.name,
    nip: institution.nip,
    type: institution.type,
    voivodeship: institution.address.voivodeship,
    county: institution.address.county,
    commune: institution.address.commune,
  };
  const reviewed = new Set((previous.mine?.pairs ?? []).map((p) => p.institutionId));
  const reasons = pairReasons(stored ? [stored] : [], member, place, settings, (_u, institutionId) =>
    reviewed.has(institutionId),
  );
  return { member, header, place, reasons };
}

/**
 * The writes that go with recording a conflict: the head's version moves on (so a commit computed
 * before the conflict existed fails instead of committing the pair), and the expert's current pairs
 * with this institution are flagged for replacement — the next incremental run replaces exactly those.
 * Returns whether anything was flagged.
 */
export async function conflictWrites(
  store: Store,
  editionId: string,
  userId: string,
  institutionId: string,
  reason: string,
  at: string,
): Promise<{ items: TransactItem[]; flagged: boolean }> {
  const { head, mine } = await readExpertAssignment(store, editionId, userId);
  const guard = headUpdate(head, {});
  if (!mine?.pairs.some((p) => p.institutionId === institutionId && !p.flagged))
    return { items: [guard], flagged: false };
  const pairs = mine.pairs.map((p) =>
    p.institutionId === institutionId && !p.flagged ? { ...p, flagged: { reason, at } } : p,
  );
  return {
    items: [guard, expertAssignmentPut({ ...mine, pairs, version: mine.version + 1 }, mine.version)],
    flagged: true,
  };
}

/** Runs a write built from fresh reads, again when a commit or edit moved the head in between (at most 3 times). */
export async function retryOnHeadMove<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT' || i >= 2) throw error;
    }
  }
}
