import type { Caller } from '../access/caller';
import { getMember } from '../chapter/chapter-store';
import { AppError } from '../errors';
import { checkAddable, checkRemovable, loadForEdit, type PairEditDeps, writeEdit } from './pair-edit';

export interface SwapPairInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  fromUserId: string;
  toUserId: string;
}

/** Replaces one expert of an application by another, in one write, with both experts' checks. Audited. */
export async function swapPair(deps: PairEditDeps, input: SwapPairInput) {
  if (input.fromUserId === input.toUserId)
    throw new AppError('VALIDATION_FAILED', 'Same expert', {
      fields: { toUserId: { pl: 'Wybierz innego eksperta.', en: 'Choose another expert.' } },
    });
  const [ctx, from] = await Promise.all([
    loadForEdit(deps, input.editionId),
    getMember(deps.store, input.editionId, input.fromUserId, true),
  ]);
  const removed = checkRemovable(ctx, from, input.applicationId, 'fromUserId');
  const { member: to, entry } = await checkAddable(deps, ctx, {
    applicationId: input.applicationId,
    userId: input.toUserId,
    field: 'toUserId',
    ignoring: from.userId,
  });
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
    input.caller,
  );
  return { applicationId: input.applicationId, userId: to.userId, locked: true };
}
