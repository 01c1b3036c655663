import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { declaredByExpert, deleteOrganizerConflict, findConflict } from './conflict-store';

export interface RemoveConflictInput {
  caller: Caller;
  editionId: string;
  userId: string;
  institutionId: string;
}

/** The organizer lifts a conflict they set; an expert's own declaration stays (it is theirs to make). */
export async function removeConflict(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: RemoveConflictInput,
): Promise<void> {
  const { editionId, userId, institutionId } = input;
  const [stored, actor] = await Promise.all([
    findConflict(deps.store, editionId, userId, institutionId),
    callerActor(deps.store, input.caller),
  ]);
  if (!stored) throw new AppError('NOT_FOUND', 'No such conflict');
  if (stored.source !== 'organizer') throw declaredByExpert();
  await deleteOrganizerConflict(deps, {
    editionId,
    userId,
    institutionId,
    audit: {
      action: 'conflict.removed',
      actor,
      subject: { type: 'institution', id: institutionId },
      ip: input.caller.ip,
      before: { editionId, userId, reason: stored.reason },
    },
  });
}
