import type { Role } from '../access/principal';
import type { Deps } from '../deps';
import type { Page } from '../store/store';
import { type PublicUser, publicUser } from './user';
import { listUsersByRole } from './user-store';

export type ListUsersDeps = Pick<Deps, 'store'>;

export interface ListUsersInput {
  role: Role;
  cursor?: string;
  limit: number;
}

/** The organizer's user list: one role at a time, by e-mail, paginated (Query on gsi1, never Scan). */
export async function listUsers(deps: ListUsersDeps, input: ListUsersInput): Promise<Page<PublicUser>> {
  const page = await listUsersByRole(deps.store, input.role, { limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(publicUser), cursor: page.cursor };
}
