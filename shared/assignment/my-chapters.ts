import { signedIn, type Caller } from '../access/caller';
import { findEdition } from '../editions/edition-store';
import { keys } from '../store/keys';
import { readExpertAssignment } from './assignment-store';
import type { Deps } from '../deps';

/** The editions whose chapter the expert sits on (gsi1), with their load in each. */
export async function myChapters(deps: Pick<Deps, 'store'>, caller: Caller) {
  const me = signedIn(caller);
  const memberships = await deps.store.queryAll({ index: 'gsi1', partitionKey: keys.expertChapters(me.userId) });
  const items = await Promise.all(
    memberships.map(async (m) => {
      const editionId = String(m.editionId);
      const [edition, { mine }] = await Promise.all([
        findEdition(deps.store, editionId),
        readExpertAssignment(deps.store, editionId, me.userId),
      ]);
      return edition
        ? {
            editionId,
            name: edition.name,
            number: edition.number,
            year: edition.year,
            state: edition.state,
            chair: Boolean(m.chair),
            load: mine?.pairs.length ?? 0,
          }
        : null;
    }),
  );
  return { items: items.filter((x) => x !== null).sort((a, b) => b.year - a.year) };
}
