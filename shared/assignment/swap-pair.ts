import type { Caller } from '../access/caller';
import { getMember } from '../chapter/chapter-store';
import { AppError } from '../errors';
import { checkAddable, checkRemovable, loadForEdit, writeEdit } from './pair-edit';
import type { Deps } from '../deps';

/** Replaces one expert of an application by another, in one write, with both experts' checks. Audited. */
export async function swapPair(
  deps: Deps,
  editionId: string,
  input: { applicationId: string; fromUserId: string; toUserId: string },
  caller: Caller,
) {
  if (input.fromUserId === input.toUserId)
    throw new AppError('VALIDATION_FAILED', 'Same expert', {
      fields: { toUserId: { pl: 'Wybierz innego eksperta.', en: 'Choose another expert.' } },
    });
  const [ctx, from] = await Promise.all([
    loadForEdit(deps, editionId),
    getMember(deps.store, editionId, input.fromUserId, true),
  ]);
  const removed = checkRemovable(ctx, from, input.applicationId, 'fromUserId');
  const { member: to, entry } = await checkAddable(
    deps,
    ctx,
    input.applicationId,
    input.toUserId,
    'toUserId',
    from.userId,
  );
  await writeEdit(
    deps,
    ctx,
    new Map([
      [from.userId, (ctx.byUser.get(from.userId)?.pairs ?? []).filter((p) => p !== removed)],
      [to.userId, [...(ctx.byUser.get(to.userId)?.pairs ?? []), entry]],
    ]),
    {
      action: 'assignment.pairSwapped',
      after: {
        applicationId: input.applicationId,
        institution: entry.institutionName,
        from: from.displayName,
        to: to.displayName,
      },
    },
    caller,
  );
  return { applicationId: input.applicationId, userId: to.userId, locked: true };
}
