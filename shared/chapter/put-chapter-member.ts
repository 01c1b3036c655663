import type { Caller } from '../access/caller';
import { callerActor, findUser } from '../accounts/user-read-store';
import { getHead } from '../assignment/assignment-store';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import { editionSubject, getEdition, problemsError } from '../editions/edition-store';
import { AppError } from '../errors';
import { type ChapterMember, type MemberInput, memberProblems } from './chapter';
import { findMember, memberChanged, putMember } from './chapter-store';

export type PutChapterMemberInput = MemberInput & {
  caller: Caller;
  editionId: string;
  userId: string;
};

/**
 * Adds an expert (an invited or active expert account) to the edition's chapter, or edits their
 * membership: load bounds, expertise, preferred categories, chair, declared workplace. Versioned
 * (a stale edit is 409) and audited with before/after. One chair per chapter is not enforced: the
 * certificate names every member marked chair.
 */
export async function putChapterMember(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: PutChapterMemberInput,
): Promise<ChapterMember> {
  const { caller, editionId, userId, version, ...fields } = input;
  const problems = problemsError(memberProblems(fields));
  if (problems) throw problems;
  const [edition, user, existing, actor, head] = await Promise.all([
    getEdition(deps.store, editionId),
    findUser(deps.store, userId),
    findMember(deps.store, editionId, userId, true),
    callerActor(deps.store, caller),
    getHead(deps.store, editionId),
  ]);
  if (!user?.roles.includes('expert') || user.status === 'deactivated') {
    throw new AppError('VALIDATION_FAILED', 'Not an expert account', {
      fields: { userId: { pl: 'To nie jest aktywne konto eksperta.', en: 'This is not an active expert account.' } },
    });
  }
  if (existing && version !== existing.version) throw memberChanged();
  const now = deps.clock.now().toISOString();
  const member: ChapterMember = {
    ...fields,
    editionId,
    userId,
    displayName: user.displayName,
    email: user.email,
    language: user.language,
    addedAt: existing?.addedAt ?? now,
    version: (existing?.version ?? 0) + 1,
  };
  const { before, after } = changedFields(existing ? { ...existing } : {}, { ...member });
  await putMember(deps, {
    member,
    previousVersion: existing?.version ?? 0,
    head,
    audit: {
      action: existing ? 'chapter.memberUpdated' : 'chapter.memberAdded',
      actor,
      subject: editionSubject(edition),
      ip: caller.ip,
      before,
      after,
      details: { userId, expert: user.displayName },
    },
  });
  return member;
}
