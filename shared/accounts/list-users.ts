import type { Role } from '../access/principal';
import type { Page } from '../store/store';
import { keys } from '../store/keys';
import { publicUser, toUser, type PublicUser } from './user';
import type { Deps } from '../deps';

/** The organizer's user list: one role at a time, by e-mail, paginated (Query on gsi1, never Scan). */
export async function listUsers(
  deps: Pick<Deps, 'store'>,
  input: { role: Role; cursor?: string; limit: number },
): Promise<Page<PublicUser>> {
  const page = await deps.store.query({
    index: 'gsi1',
    partitionKey: keys.usersByRole(input.role),
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((i) => publicUser(toUser(i))), cursor: page.cursor };
}
