import { type Caller, signedIn } from '../access/caller';
import type { ChapterMember } from '../chapter/chapter';
import { getMember } from '../chapter/member-store';
import type { Deps } from '../deps';
import { findExpertAssignment } from './assignment-store';
import { comparePolish } from '../text/polish-order';

export interface ListMyAssignmentsInput {
  caller: Caller;
  editionId: string;
  /** The caller's membership, when the route's ownership check has read it already (saves a read). */
  member?: ChapterMember;
}

/**
 * The expert's own assignments in an edition: institution and status of each pair. Never who else
 * reviews the same application (DESIGN.md §3).
 */
export async function listMyAssignments(deps: Pick<Deps, 'store'>, input: ListMyAssignmentsInput) {
  const me = signedIn(input.caller);
  const [member, { mine }] = await Promise.all([
    input.member ?? getMember(deps.store, input.editionId, me.userId),
    findExpertAssignment(deps.store, input.editionId, me.userId),
  ]);
  return {
    minLoad: member.minLoad,
    maxLoad: member.maxLoad,
    items: (mine?.pairs ?? [])
      .map((p) => ({
        applicationId: p.applicationId,
        institutionName: p.institutionName,
        assignedAt: p.assignedAt,
        flagged: p.flagged ?? null,
      }))
      .sort((a, b) => comparePolish(a.institutionName, b.institutionName)),
  };
}
