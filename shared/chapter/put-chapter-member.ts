import { signedIn, type Caller } from '../access/caller';
import { auditActor, findUser } from '../accounts/user-store';
import { auditPut, changedFields } from '../audit/audit';
import { editionSubject, getEdition, problemsError } from '../editions/edition-store';
import { AppError } from '../errors';
import { getHead, headUpdate } from '../assignment/assignment-store';
import { memberProblems, type ChapterMember, type MemberInput } from './chapter';
import { findMember, memberItem } from './chapter-store';
import type { Deps } from '../deps';

/**
 * Adds an expert (an invited or active expert account) to the edition's chapter, or edits their
 * membership: load bounds, expertise, preferred categories, chair, declared workplace. Versioned
 * (a stale edit is 409) and audited with before/after. One chair per chapter is not enforced: the
 * certificate names every member marked chair.
 */
export async function putChapterMember(
  deps: Deps,
  editionId: string,
  userId: string,
  input: MemberInput,
  caller: Caller,
): Promise<ChapterMember> {
  const problems = problemsError(memberProblems(input));
  if (problems) throw problems;
  const [edition, user, existing, { actor }, head] = await Promise.all([
    getEdition(deps.store, editionId),
    findUser(deps.store, userId),
    findMember(deps.store, editionId, userId, true),
    auditActor(deps.store, signedIn(caller).userId),
    getHead(deps.store, editionId),
  ]);
  if (!user?.roles.includes('expert') || user.status === 'deactivated') {
    throw new AppError('VALIDATION_FAILED', 'Not an expert account', {
      fields: { userId: { pl: 'To nie jest aktywne konto eksperta.', en: 'This is not an active expert account.' } },
    });
  }
  if (existing && input.version !== existing.version) {
    throw new AppError('STALE_VERSION', 'Member changed meanwhile', {
      detail: {
        pl: 'Ktoś zmienił tego członka kapituły w międzyczasie. Odśwież stronę.',
        en: 'Someone changed this chapter member meanwhile. Refresh the page.',
      },
    });
  }
  const { version: _v, ...fields } = input;
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
  await deps.store
    .transact([
      {
        Put: {
          TableName: '',
          Item: memberItem(member),
          ConditionExpression: existing ? '#v = :v' : 'attribute_not_exists(pk)',
          ...(existing
            ? { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': existing.version } }
            : {}),
        },
      },
      // Loads and workplaces feed the assignment: a commit computed before this change must not land after it.
      headUpdate(head, {}),
      auditPut(deps, {
        action: existing ? 'chapter.memberUpdated' : 'chapter.memberAdded',
        actor,
        subject: editionSubject(edition),
        ip: caller.ip,
        before,
        after,
        details: { userId, expert: user.displayName },
      }),
    ])
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'CONFLICT')
        throw new AppError('STALE_VERSION', 'Member changed meanwhile', { cause: error });
      throw error;
    });
  return member;
}
