import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store } from '../store/store';
import { ChapterMember } from './chapter';

/**
 * Reading one chapter member, apart from the rest of chapter-store: the access policy's membership
 * check and the expert's own lists need only this, not the stores chapter-store writes through
 * (applications, assignment, audit).
 */
export const toMember = (item: Record<string, unknown>): ChapterMember =>
  parseItem(ChapterMember, item, 'chapter member');

export async function findMember(
  store: Store,
  editionId: string,
  userId: string,
  consistent = false,
): Promise<ChapterMember | null> {
  const item = await store.get(keys.chapterMember(editionId, userId), { consistent });
  return item ? toMember(item) : null;
}

export async function getMember(
  store: Store,
  editionId: string,
  userId: string,
  consistent = false,
): Promise<ChapterMember> {
  const member = await findMember(store, editionId, userId, consistent);
  if (!member)
    throw new AppError('NOT_FOUND', 'Not a chapter member', {
      detail: {
        pl: 'Ta osoba nie należy do kapituły tej edycji.',
        en: 'This person is not on this edition’s chapter.',
      },
    });
  return member;
}
