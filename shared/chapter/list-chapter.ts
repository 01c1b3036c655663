import { readAssignment } from '../assignment/assignment-store';
import { getEdition } from '../editions/edition-store';
import type { ChapterMember } from './chapter';
import { listMembers } from './chapter-store';
import type { Deps } from '../deps';

/** The chapter with each member's current load and flagged pairs, by name. */
export async function listChapter(
  deps: Pick<Deps, 'store'>,
  editionId: string,
): Promise<{ items: (ChapterMember & { load: number; flagged: number })[] }> {
  await getEdition(deps.store, editionId);
  const [members, { experts }] = await Promise.all([
    listMembers(deps.store, editionId, true),
    readAssignment(deps.store, editionId),
  ]);
  const byUser = new Map(experts.map((x) => [x.userId, x]));
  const items = members
    .map((m) => {
      const pairs = byUser.get(m.userId)?.pairs ?? [];
      return { ...m, load: pairs.length, flagged: pairs.filter((p) => p.flagged).length };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'pl'));
  return { items };
}
