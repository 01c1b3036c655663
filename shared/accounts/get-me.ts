import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { findInstitution } from '../institutions/institution-store';
import { type PublicUser, publicUser } from './user';
import { getUser } from './user-read-store';

export type GetMeDeps = Pick<Deps, 'store'>;

export interface GetMeInput {
  caller: Caller;
}

/** The signed-in account, with its institution's name for institution members. */
export async function getMe(
  deps: GetMeDeps,
  input: GetMeInput,
): Promise<{ user: PublicUser; institution?: { institutionId: string; name: string } }> {
  const user = await getUser(deps.store, signedIn(input.caller).userId);
  if (!user.institutionId) return { user: publicUser(user) };
  const institution = await findInstitution(deps.store, user.institutionId);
  return {
    user: publicUser(user),
    ...(institution ? { institution: { institutionId: user.institutionId, name: institution.name } } : {}),
  };
}
