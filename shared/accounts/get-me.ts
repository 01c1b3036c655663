import { signedIn, type Caller } from '../access/caller';
import { keys } from '../store/keys';
import { publicUser, type PublicUser } from './user';
import { getUser } from './user-store';
import type { Deps } from '../deps';

/** The signed-in account, with its institution's name for institution members. */
export async function getMe(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
): Promise<{ user: PublicUser; institution?: { institutionId: string; name: string } }> {
  const user = await getUser(deps.store, signedIn(caller).userId);
  if (!user.institutionId) return { user: publicUser(user) };
  const institution = await deps.store.get<{ name: string }>(keys.institution(user.institutionId));
  return {
    user: publicUser(user),
    ...(institution ? { institution: { institutionId: user.institutionId, name: institution.name } } : {}),
  };
}
