import type { Caller } from '../access/caller';
import { getMember } from '../chapter/chapter-store';
import { checkRemovable, loadForEdit, type PairEditDeps, writeEdit } from './pair-edit';

export interface RemovePairInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  userId: string;
}

/** The organizer takes an expert off an application (the next incremental run fills the gap). Audited. */
export async function removePair(deps: PairEditDeps, input: RemovePairInput): Promise<void> {
  const [ctx, member] = await Promise.all([
    loadForEdit(deps, input.editionId),
    getMember(deps.store, input.editionId, input.userId, true),
  ]);
  const entry = checkRemovable(ctx, member, input.applicationId, 'userId');
  const pairs = (ctx.byUser.get(member.userId)?.pairs ?? []).filter((p) => p !== entry);
  await writeEdit(
    deps,
    ctx,
    new Map([[member.userId, pairs]]),
    {
      action: 'assignment.pairRemoved',
      after: {
        applicationId: input.applicationId,
        institution: entry.institutionName,
        userId: member.userId,
        expert: member.displayName,
      },
    },
    input.caller,
  );
}
