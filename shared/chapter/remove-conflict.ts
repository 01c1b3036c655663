import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import type { Deps } from '../deps';

/** The organizer lifts a conflict they set; an expert's own declaration stays (it is theirs to make). */
export async function removeConflict(
  deps: Deps,
  editionId: string,
  userId: string,
  institutionId: string,
  caller: Caller,
): Promise<void> {
  const [stored, { actor }] = await Promise.all([
    deps.store.get(keys.conflict(editionId, userId, institutionId), { consistent: true }),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  if (!stored) throw new AppError('NOT_FOUND', 'No such conflict');
  if (stored.source !== 'organizer') {
    throw new AppError('INVALID_STATE', 'Declared by the expert', {
      detail: {
        pl: 'Konflikt zgłoszony przez eksperta może wycofać tylko ekspert.',
        en: 'Only the expert can withdraw a conflict they declared.',
      },
    });
  }
  await deps.store.transact([
    {
      Delete: {
        TableName: '',
        Key: keys.conflict(editionId, userId, institutionId),
        ConditionExpression: '#s = :organizer',
        ExpressionAttributeNames: { '#s': 'source' },
        ExpressionAttributeValues: { ':organizer': 'organizer' },
      },
    },
    auditPut(deps, {
      action: 'conflict.removed',
      actor,
      subject: { type: 'institution', id: institutionId },
      ip: caller.ip,
      before: { editionId, userId, reason: stored.reason },
    }),
  ]);
}
