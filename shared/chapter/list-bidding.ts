import { type Caller, signedIn } from '../access/caller';
import { findExpertAssignment } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import type { Store } from '../store/store';
import {
  type AssignmentSettings,
  biddingWindow,
  type ChapterMember,
  pairReasons,
  type StoredConflict,
} from './chapter';
import { getAssignmentSettingsOrDefault, getMember, listAssignable } from './chapter-store';
import { listBids, listConflicts } from './conflict-store';
import { comparePolish } from '../text/polish-order';

export interface ListBiddingInput {
  caller: Caller;
  editionId: string;
  offset?: number;
  limit?: number;
  /** The caller's membership, when the route's ownership check has read it already (saves a read). */
  member?: ChapterMember;
}

async function previousInstitutions(store: Store, settings: AssignmentSettings, userId: string): Promise<Set<string>> {
  if (!settings.rules.previousEdition || !settings.previousEditionId) return new Set();
  const { mine } = await findExpertAssignment(store, settings.previousEditionId, userId);
  return new Set((mine?.pairs ?? []).map((p) => p.institutionId));
}

/**
 * The expert's bidding page: the edition's applications (name, category, region — never answers
 * or other experts), their own bid and their own conflicts with the reasons, and the window.
 */
export async function listBidding(deps: Pick<Deps, 'store' | 'clock'>, input: ListBiddingInput) {
  const me = signedIn(input.caller);
  const { editionId } = input;
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const [member, settings, applications, bids, conflicts] = await Promise.all([
    input.member ?? getMember(deps.store, editionId, me.userId),
    getAssignmentSettingsOrDefault(deps.store, editionId),
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
      (x, y) => comparePolish(x.institutionName, y.institutionName) || (x.applicationId < y.applicationId ? -1 : 1),
    );
  return {
    window: biddingWindow(settings, deps.clock.now()),
    ...(settings.bidding ? { opensAt: settings.bidding.opensAt, closesAt: settings.bidding.closesAt } : {}),
    items: rows.slice(offset, offset + limit),
    total: rows.length,
    offset,
  };
}
