import type { Caller } from '../access/caller';
import { checkAddable, loadForEdit, type PairEditDeps, writeEdit } from './pair-edit';

export interface AddPairInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  userId: string;
}

/** The organizer assigns one expert to one application by hand (locked, so re-runs keep it). Audited. */
export async function addPair(deps: PairEditDeps, input: AddPairInput) {
  const ctx = await loadForEdit(deps, input.editionId);
  const { member, entry } = await checkAddable(deps, ctx, {
    applicationId: input.applicationId,
    userId: input.userId,
    field: 'userId',
  });
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
    input.caller,
  );
  return { applicationId: input.applicationId, userId: member.userId, locked: true };
}
