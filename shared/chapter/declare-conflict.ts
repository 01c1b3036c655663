import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import type { StoredConflict } from './chapter';
import { assignableStatuses, conflictItem } from './chapter-store';
import { conflictWrites, editionApplication, retryOnHeadMove } from './conflict-context';
import type { Deps } from '../deps';

/**
 * An expert declares a conflict of interest with an application's institution, at any time. If the
 * application is already assigned to them, the pair is flagged for replacement in the same write.
 * Declaring again updates the reason. Audited. Only applications the chapter may see (submitted or
 * accepted) can be named: a draft is 404 like an unknown id, so nobody learns that an institution is
 * preparing one.
 */
export async function declareConflict(
  deps: Deps,
  editionId: string,
  input: { applicationId: string; reason: string },
  caller: Caller,
): Promise<StoredConflict & { flagged: boolean }> {
  const me = signedIn(caller);
  const [header, { actor }] = await Promise.all([
    editionApplication(deps.store, editionId, input.applicationId),
    auditActor(deps.store, me.userId),
  ]);
  if (!assignableStatuses.includes(header.status)) throw new AppError('NOT_FOUND', 'No such application');
  const now = deps.clock.now().toISOString();
  const conflict: StoredConflict = {
    userId: me.userId,
    institutionId: header.institutionId,
    source: 'declared',
    reason: input.reason,
    createdAt: now,
    createdBy: actor.label,
  };
  const flagged = await retryOnHeadMove(async () => {
    const writes = await conflictWrites(deps.store, editionId, me.userId, header.institutionId, input.reason, now);
    await deps.store.transact([
      { Put: { TableName: '', Item: conflictItem(editionId, conflict) } },
      ...writes.items,
      auditPut(deps, {
        action: 'conflict.declared',
        actor,
        subject: { type: 'institution', id: header.institutionId, label: header.institution.name },
        ip: caller.ip,
        after: { editionId, reason: input.reason, flagged: writes.flagged },
      }),
    ]);
    return writes.flagged;
  });
  return { ...conflict, flagged };
}
