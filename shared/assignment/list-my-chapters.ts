import { type Caller, signedIn } from '../access/caller';
import { listMemberships } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { findEdition } from '../editions/edition-read-store';
import { findExpertAssignment } from './assignment-store';

export interface ListMyChaptersInput {
  caller: Caller;
}

/** The editions whose chapter the expert sits on (gsi1), with their load in each. */
export async function listMyChapters(deps: Pick<Deps, 'store'>, input: ListMyChaptersInput) {
  const me = signedIn(input.caller);
  const memberships = await listMemberships(deps.store, me.userId);
  const items = await Promise.all(
    memberships.map(async (m) => {
      const [edition, { mine }] = await Promise.all([
        findEdition(deps.store, m.editionId),
        findExpertAssignment(deps.store, m.editionId, me.userId),
      ]);
      return edition
        ? {
            editionId: m.editionId,
            name: edition.name,
            number: edition.number,
            year: edition.year,
            state: edition.state,
            chair: m.chair,
            load: mine?.pairs.length ?? 0,
          }
        : null;
    }),
  );
  return { items: items.filter((x) => x !== null).sort((a, b) => b.year - a.year) };
}
