import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { getInstitution } from '../institutions/institution-store';
import type { StoredConflict } from './chapter';
import { conflictItem, getMember } from './chapter-store';
import { conflictWrites, retryOnHeadMove } from './conflict-context';
import { keys } from '../store/keys';
import type { Deps } from '../deps';

/** The organizer records a conflict between a chapter member and an institution (assigned pairs are flagged). */
export async function setConflict(
  deps: Deps,
  editionId: string,
  input: { userId: string; institutionId: string; reason: string },
  caller: Caller,
): Promise<StoredConflict & { flagged: boolean }> {
  const [member, institution, { actor }] = await Promise.all([
    getMember(deps.store, editionId, input.userId),
    getInstitution(deps, input.institutionId).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'NOT_FOUND')
        throw new AppError('VALIDATION_FAILED', 'No such institution', {
          fields: { institutionId: { pl: 'Nie ma takiej instytucji.', en: 'No such institution.' } },
        });
      throw error;
    }),
    auditActor(deps.store, signedIn(caller).userId),
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
    const writes = await conflictWrites(
      deps.store,
      editionId,
      member.userId,
      institution.institutionId,
      input.reason,
      now,
    );
    const declared = await deps.store.get(keys.conflict(editionId, member.userId, institution.institutionId), {
      consistent: true,
    });
    // An expert's own declaration is not overwritten by the organizer's.
    if (declared?.source === 'declared')
      throw new AppError('INVALID_STATE', 'Declared already', {
        detail: { pl: 'Ekspert sam zgłosił ten konflikt.', en: 'The expert declared this conflict already.' },
      });
    await deps.store.transact([
      {
        Put: {
          TableName: '',
          Item: conflictItem(editionId, conflict),
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :organizer',
          ExpressionAttributeNames: { '#s': 'source' },
          ExpressionAttributeValues: { ':organizer': 'organizer' },
        },
      },
      ...writes.items,
      auditPut(deps, {
        action: 'conflict.set',
        actor,
        subject: { type: 'institution', id: institution.institutionId, label: institution.name },
        ip: caller.ip,
        after: { editionId, userId: member.userId, expert: member.displayName, reason: input.reason },
      }),
    ]);
    return writes.flagged;
  });
  return { ...conflict, flagged };
}
