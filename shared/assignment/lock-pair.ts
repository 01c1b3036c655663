import type { Caller } from '../access/caller';
import { AppError } from '../errors';
import { loadForEdit, writeEdit } from './pair-edit';
import type { Deps } from '../deps';

/** Locks a committed pair (a full re-run keeps it) or unlocks it. Audited. */
export async function lockPair(
  deps: Deps,
  editionId: string,
  input: { applicationId: string; userId: string; locked: boolean },
  caller: Caller,
) {
  const ctx = await loadForEdit(deps, editionId);
  const mine = ctx.byUser.get(input.userId);
  const entry = mine?.pairs.find((p) => p.applicationId === input.applicationId);
  if (!mine || !entry) throw new AppError('NOT_FOUND', 'No such pair');
  const pairs = mine.pairs.map((p) => (p === entry ? { ...p, locked: input.locked } : p));
  await writeEdit(
    deps,
    ctx,
    new Map([[input.userId, pairs]]),
    {
      action: 'assignment.pairLocked',
      after: {
        applicationId: input.applicationId,
        institution: entry.institutionName,
        userId: input.userId,
        locked: input.locked,
      },
    },
    caller,
  );
  return { applicationId: input.applicationId, userId: input.userId, locked: input.locked };
}
