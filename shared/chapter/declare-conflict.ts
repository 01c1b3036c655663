import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { discardRecusedSheets } from '../reviews/discard-recused-sheets';
import type { StoredConflict } from './chapter';
import { assignableStatuses } from './chapter-store';
import { conflictEffects, editionApplication, retryOnHeadMove } from './conflict-context';
import { putConflict } from './conflict-store';

export interface DeclareConflictInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  reason: string;
}

/**
 * An expert declares a conflict of interest with an application's institution, at any time. If the
 * application is already assigned to them, the pair is flagged for replacement in the same write.
 * A sheet the expert started on a pair so flagged is discarded in the same write (its content kept
 * in the audit), so the replacement starts blank. Declaring again updates the reason. Audited. Only applications the chapter may see (submitted or
 * accepted) can be named: a draft is 404 like an unknown id, so nobody learns that an institution is
 * preparing one.
 */
export async function declareConflict(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: DeclareConflictInput,
): Promise<StoredConflict & { flagged: boolean }> {
  const me = signedIn(input.caller);
  const { editionId } = input;
  const [header, actor] = await Promise.all([
    editionApplication(deps.store, editionId, input.applicationId),
    callerActor(deps.store, input.caller),
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
    const { head, flagged } = await conflictEffects(deps.store, {
      editionId,
      userId: me.userId,
      institutionId: header.institutionId,
      reason: input.reason,
      at: now,
    });
    const newlyFlagged = (flagged?.next.pairs ?? []).filter(
      (p) => p.institutionId === header.institutionId && p.flagged?.at === now,
    );
    const alongside = await discardRecusedSheets(deps, {
      expertId: me.userId,
      applicationIds: newlyFlagged.map((p) => p.applicationId),
      actor,
      ip: input.caller.ip,
      subjectLabel: header.institution.name,
    });
    await putConflict(deps, {
      editionId,
      conflict,
      head,
      flagged,
      alongside,
      audit: {
        action: 'conflict.declared',
        actor,
        subject: { type: 'institution', id: header.institutionId, label: header.institution.name },
        ip: input.caller.ip,
        after: { editionId, reason: input.reason, flagged: flagged !== null },
      },
    });
    return flagged !== null;
  });
  return { ...conflict, flagged };
}
