import type { Caller } from '../access/caller';
import { getMember } from '../chapter/chapter-store';
import { checkRemovable, loadForEdit, writeEdit } from './pair-edit';
import type { Deps } from '../deps';

/** The organizer takes an expert off an application (the next incremental run fills the gap). Audited. */
export async function removePair(
  deps: Deps,
  editionId: string,
  input: { applicationId: string; userId: string },
  caller: Caller,
): Promise<void> {
  const [ctx, member] = await Promise.all([
    loadForEdit(deps, editionId),
    getMember(deps.store, editionId, input.userId, true),
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
    caller,
  );
}
