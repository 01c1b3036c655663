import type { ApplicationHeader } from '../applications/application';
import { getHeader } from '../applications/application-read-store';
import type { AssignmentHead, ExpertAssignment } from '../assignment/assignment';
import { findExpertAssignment } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { getInstitution } from '../institutions/get-institution';
import type { Store } from '../store/store';
import { type ChapterMember, type ConflictReason, type InstitutionPlace, pairReasons } from './chapter';
import { getAssignmentSettingsOrDefault, getMember } from './chapter-store';
import { findConflict } from './conflict-store';

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
  pair: { editionId: string; userId: string; applicationId: string },
): Promise<{ member: ChapterMember; header: ApplicationHeader; place: InstitutionPlace; reasons: ConflictReason[] }> {
  const { editionId, userId, applicationId } = pair;
  const [member, header, settings] = await Promise.all([
    getMember(deps.store, editionId, userId, true),
    editionApplication(deps.store, editionId, applicationId),
    getAssignmentSettingsOrDefault(deps.store, editionId),
  ]);
  const [institution, stored, previous] = await Promise.all([
    getInstitution(deps, { institutionId: header.institutionId }),
    findConflict(deps.store, editionId, userId, header.institutionId),
    settings.rules.previousEdition && settings.previousEditionId
      ? findExpertAssignment(deps.store, settings.previousEditionId, userId)
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
 * What goes with recording a conflict: the head it is written against (its version moves on, so a
 * commit computed before the conflict existed fails), and the expert's item with their current pairs
 * with this institution flagged for replacement — the next incremental run replaces exactly those.
 * `flagged` is null when no such pair is assigned.
 */
export async function conflictEffects(
  store: Store,
  conflict: { editionId: string; userId: string; institutionId: string; reason: string; at: string },
): Promise<{ head: AssignmentHead; flagged: { next: ExpertAssignment; previousVersion: number } | null }> {
  const { institutionId, reason, at } = conflict;
  const { head, mine } = await findExpertAssignment(store, conflict.editionId, conflict.userId);
  if (!mine?.pairs.some((p) => p.institutionId === institutionId && !p.flagged)) return { head, flagged: null };
  const pairs = mine.pairs.map((p) =>
    p.institutionId === institutionId && !p.flagged ? { ...p, flagged: { reason, at } } : p,
  );
  return { head, flagged: { next: { ...mine, pairs, version: mine.version + 1 }, previousVersion: mine.version } };
}

/** Runs a write built from fresh reads, again when a commit or edit moved the head in between (at most 3 times). */
export async function retryOnHeadMove<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isAppError(error, 'STALE_VERSION') || i >= 2) throw error;
    }
  }
}
