import { publicUser, toUser, type PublicUser } from '../accounts/user';
import { keys } from '../store/keys';
import type { Deps } from '../deps';

/** The institution's members (active and invited), oldest first. Institutions have a handful; 100 is plenty. */
export async function listMembers(deps: Pick<Deps, 'store'>, institutionId: string): Promise<PublicUser[]> {
  const page = await deps.store.query<{ userId: string }>({
    partitionKey: keys.institution(institutionId).pk,
    sortKeyPrefix: keys.memberPrefix,
    limit: 100,
  });
  const users = await deps.store.batchGet(page.items.map((m) => keys.user(m.userId)));
  return users
    .map((u) => publicUser(toUser(u)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.userId.localeCompare(b.userId));
}
