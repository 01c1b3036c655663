import type { Caller } from '../access/caller';
import { checkAddable, loadForEdit, writeEdit } from './pair-edit';
import type { Deps } from '../deps';

/** The organizer assigns one expert to one application by hand (locked, so re-runs keep it). Audited. */
export async function addPair(
  deps: Deps,
  editionId: string,
  input: { applicationId: string; userId: string },
  caller: Caller,
) {
  const ctx = await loadForEdit(deps, editionId);
  const { member, entry } = await checkAddable(deps, ctx, input.applicationId, input.userId, 'userId');
  await writeEdit(
    deps,
    ctx,
    new Map([[member.userId, [...(ctx.byUser.get(member.userId)?.pairs ?? []), entry]]]),
    {
      action: 'assignment.pairAdded',
      after: {
        applicationId: input.applicationId,
        institution: entry.institutionName,
        userId: member.userId,
        expert: member.displayName,
      },
    },
    caller,
  );
  return { applicationId: input.applicationId, userId: member.userId, locked: true };
}
