import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { assignmentChanged, headUpdate, readExpertAssignment } from '../assignment/assignment-store';
import { editionSubject, getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { getMember } from './chapter-store';
import type { Deps } from '../deps';

/** Takes an expert off the chapter; refused while applications are assigned to them (reassign first). */
export async function removeChapterMember(
  deps: Deps,
  editionId: string,
  userId: string,
  caller: Caller,
): Promise<void> {
  const [edition, member, { head, mine }, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    getMember(deps.store, editionId, userId, true),
    readExpertAssignment(deps.store, editionId, userId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  if (mine && mine.pairs.length > 0) {
    throw new AppError('INVALID_STATE', 'Expert has assignments', {
      detail: {
        pl: `${member.displayName} ma przydzielone zgłoszenia (${mine.pairs.length}); najpierw je przenieś.`,
        en: `${member.displayName} has ${mine.pairs.length} assigned application(s); move them first.`,
      },
    });
  }
  await deps.store
    .transact([
      // With the head's version: a pair added or committed meanwhile makes this fail instead of orphaning it.
      headUpdate(head, {}),
      {
        Delete: {
          TableName: '',
          Key: keys.chapterMember(editionId, userId),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': member.version },
        },
      },
      auditPut(deps, {
        action: 'chapter.memberRemoved',
        actor,
        subject: editionSubject(edition),
        ip: caller.ip,
        before: { userId, displayName: member.displayName },
      }),
    ])
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'CONFLICT') throw assignmentChanged();
      throw error;
    });
}
