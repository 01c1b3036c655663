import { signedIn, type Caller } from '../access/caller';
import { readExpertAssignment } from '../assignment/assignment-store';
import type { Store } from '../store/store';
import { biddingWindow, pairReasons, type AssignmentSettings, type StoredConflict } from './chapter';
import { getAssignmentSettings, getMember, listAssignable, listBids, listConflicts } from './chapter-store';
import type { Deps } from '../deps';

async function previousInstitutions(store: Store, settings: AssignmentSettings, userId: string): Promise<Set<string>> {
  if (!settings.rules.previousEdition || !settings.previousEditionId) return new Set();
  const { mine } = await readExpertAssignment(store, settings.previousEditionId, userId);
  return new Set((mine?.pairs ?? []).map((p) => p.institutionId));
}

/**
 * The expert's bidding page: the edition's applications (name, category, region — never answers
 * or other experts), their own bid and their own conflicts with the reasons, and the window.
 */
export async function listBidding(
  deps: Pick<Deps, 'store' | 'clock'>,
  editionId: string,
  query: { offset: number; limit: number },
  caller: Caller,
) {
  const me = signedIn(caller);
  const [member, settings, applications, bids, conflicts] = await Promise.all([
    getMember(deps.store, editionId, me.userId),
    getAssignmentSettings(deps.store, editionId),
    listAssignable(deps.store, editionId),
    listBids(deps.store, editionId, me.userId),
    listConflicts(deps.store, editionId, me.userId),
  ]);
  const reviewed = await previousInstitutions(deps.store, settings, me.userId);
  const bidOf = new Map(bids.map((b) => [b.applicationId, b.value]));
  const storedOf = new Map<string, StoredConflict>(conflicts.map((c) => [c.institutionId, c]));
  const rows = applications
    .map((app) => {
      const stored = storedOf.get(app.institution.institutionId);
      const conflict = pairReasons(stored ? [stored] : [], member, app.institution, settings, (_u, id) =>
        reviewed.has(id),
      );
      return {
        applicationId: app.applicationId,
        institutionName: app.institution.name,
        type: app.institution.type,
        voivodeship: app.institution.voivodeship,
        bid: bidOf.get(app.applicationId) ?? 0,
        conflict,
      };
    })
    .sort(
      (x, y) =>
        x.institutionName.localeCompare(y.institutionName, 'pl') || (x.applicationId < y.applicationId ? -1 : 1),
    );
  return {
    window: biddingWindow(settings, deps.clock.now()),
    ...(settings.bidding ? { opensAt: settings.bidding.opensAt, closesAt: settings.bidding.closesAt } : {}),
    items: rows.slice(query.offset, query.offset + query.limit),
    total: rows.length,
    offset: query.offset,
  };
}
