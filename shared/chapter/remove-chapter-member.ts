import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { findExpertAssignment } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import { editionSubject, getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { deleteMember, getMember } from './chapter-store';
import { countEn, countPl } from '../plural';

export interface RemoveChapterMemberInput {
  caller: Caller;
  editionId: string;
  userId: string;
}

/** Takes an expert off the chapter; refused while applications are assigned to them (reassign first). */
export async function removeChapterMember(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: RemoveChapterMemberInput,
): Promise<void> {
  const { editionId, userId } = input;
  const [edition, member, { head, mine }, actor] = await Promise.all([
    getEdition(deps.store, editionId),
    getMember(deps.store, editionId, userId, true),
    findExpertAssignment(deps.store, editionId, userId),
    callerActor(deps.store, input.caller),
  ]);
  if (mine && mine.pairs.length > 0) {
    throw new AppError('INVALID_STATE', 'Expert has assignments', {
      detail: {
        pl: `${member.displayName} ma ${countPl(mine.pairs.length, { one: 'przydzielone zgłoszenie', few: 'przydzielone zgłoszenia', many: 'przydzielonych zgłoszeń' })}; najpierw trzeba je przenieść do innych ekspertów.`,
        en: `${member.displayName} has ${countEn(mine.pairs.length, 'assigned application', 'assigned applications')}; move them to other experts first.`,
      },
    });
  }
  await deleteMember(deps, {
    member,
    head,
    audit: {
      action: 'chapter.memberRemoved',
      actor,
      subject: editionSubject(edition),
      ip: input.caller.ip,
      before: { userId, displayName: member.displayName },
    },
  });
}
