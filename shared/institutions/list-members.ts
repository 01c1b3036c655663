import { type PublicUser, publicUser } from '../accounts/user';
import { listInstitutionUsers } from '../accounts/user-store';
import type { Deps } from '../deps';
import { compareCodeUnits } from '../text/polish-order';

export type ListMembersDeps = Pick<Deps, 'store'>;

export interface ListMembersInput {
  institutionId: string;
}

/** The institution's members (active and invited), oldest first. */
export async function listMembers(deps: ListMembersDeps, input: ListMembersInput): Promise<PublicUser[]> {
  const users = await listInstitutionUsers(deps.store, input.institutionId);
  return users
    .map(publicUser)
    .sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.userId, b.userId));
}
