import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { getInstitution } from '../institutions/get-institution';
import type { StoredConflict } from './chapter';
import { getMember } from './chapter-store';
import { conflictEffects, retryOnHeadMove } from './conflict-context';
import { declaredAlready, findConflict, putConflict } from './conflict-store';

export interface SetConflictInput {
  caller: Caller;
  editionId: string;
  userId: string;
  institutionId: string;
  reason: string;
}

/** The organizer records a conflict between a chapter member and an institution (assigned pairs are flagged). */
export async function setConflict(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: SetConflictInput,
): Promise<StoredConflict & { flagged: boolean }> {
  const { editionId } = input;
  const [member, institution, actor] = await Promise.all([
    getMember(deps.store, editionId, input.userId),
    getInstitution(deps, { institutionId: input.institutionId }).catch((error: unknown) => {
      if (isAppError(error, 'NOT_FOUND'))
        throw new AppError('VALIDATION_FAILED', 'No such institution', {
          fields: { institutionId: { pl: 'Nie ma takiej instytucji.', en: 'No such institution.' } },
        });
      throw error;
    }),
    callerActor(deps.store, input.caller),
  ]);
  const now = deps.clock.now().toISOString();
  const conflict: StoredConflict = {
    userId: member.userId,
    institutionId: institution.institutionId,
    source: 'organizer',
    reason: input.reason,
    createdAt: now,
    createdBy: actor.label,
  };
  const flagged = await retryOnHeadMove(async () => {
    const [{ head, flagged }, stored] = await Promise.all([
      conflictEffects(deps.store, {
        editionId,
        userId: member.userId,
        institutionId: institution.institutionId,
        reason: input.reason,
        at: now,
      }),
      findConflict(deps.store, editionId, member.userId, institution.institutionId),
    ]);
    // An expert's own declaration is not overwritten by the organizer's (the write checks it again).
    if (stored?.source === 'declared') throw declaredAlready();
    await putConflict(deps, {
      editionId,
      conflict,
      head,
      flagged,
      audit: {
        action: 'conflict.set',
        actor,
        subject: { type: 'institution', id: institution.institutionId, label: institution.name },
        ip: input.caller.ip,
        after: { editionId, userId: member.userId, expert: member.displayName, reason: input.reason },
      },
    });
    return flagged !== null;
  });
  return { ...conflict, flagged };
}
