import { signedIn, type Caller } from '../access/caller';
import { getMember } from '../chapter/chapter-store';
import { readExpertAssignment } from './assignment-store';
import type { Deps } from '../deps';

/**
 * The expert's own assignments in an edition: institution and status of each pair. Never who else
 * reviews the same application (DESIGN.md §3).
 */
export async function myAssignments(deps: Pick<Deps, 'store'>, editionId: string, caller: Caller) {
  const me = signedIn(caller);
  const [member, { mine }] = await Promise.all([
    getMember(deps.store, editionId, me.userId),
    readExpertAssignment(deps.store, editionId, me.userId),
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
      .sort((a, b) => a.institutionName.localeCompare(b.institutionName, 'pl')),
  };
}
