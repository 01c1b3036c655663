import { listExpertAssignments } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import type { ChapterMember } from './chapter';
import { listMembers } from './chapter-store';
import { comparePolish } from '../text/polish-order';

export interface ListChapterInput {
  editionId: string;
}

/** The chapter with each member's current load and flagged pairs, by name. */
export async function listChapter(
  deps: Pick<Deps, 'store'>,
  input: ListChapterInput,
): Promise<{ items: (ChapterMember & { load: number; flagged: number })[] }> {
  const { editionId } = input;
  await getEdition(deps.store, editionId);
  const [members, { experts }] = await Promise.all([
    listMembers(deps.store, editionId, true),
    listExpertAssignments(deps.store, editionId),
  ]);
  const byUser = new Map(experts.map((x) => [x.userId, x]));
  const items = members
    .map((m) => {
      const pairs = byUser.get(m.userId)?.pairs ?? [];
      return { ...m, load: pairs.length, flagged: pairs.filter((p) => p.flagged).length };
    })
    .sort((a, b) => comparePolish(a.displayName, b.displayName));
  return { items };
}
