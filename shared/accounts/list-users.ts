import type { Role } from '../access/principal';
import type { Deps } from '../deps';
import { findSuppressions } from '../mail/suppression-store';
import type { SuppressionReason } from '../mail/suppression';
import type { Page } from '../store/store';
import { type PublicUser, publicUser } from './user';
import { listUsersByRole } from './user-store';

export type ListUsersDeps = Pick<Deps, 'store'>;

export interface ListUsersInput {
  role: Role;
  cursor?: string;
  limit: number;
}

/** An account as the organizer's list shows it: with the address's mail suppression, if SES reported one. */
export type ListedUser = PublicUser & {
  mailSuppression?: { reason: SuppressionReason; bounceSubType?: string; since: string; lastAt: string };
};

/**
 * The organizer's user list: one role at a time, by e-mail, paginated (Query on gsi1, never Scan),
 * and the page's mail suppressions in one BatchGet (shared/mail/), so a clerk sees why an account
 * gets no mail.
 */
export async function listUsers(deps: ListUsersDeps, input: ListUsersInput): Promise<Page<ListedUser>> {
  const page = await listUsersByRole(deps.store, input.role, { limit: input.limit, cursor: input.cursor });
  const suppressions = await findSuppressions(
    deps.store,
    page.items.map((u) => u.emailKey),
  );
  return {
    items: page.items.map((user): ListedUser => {
      const s = suppressions.get(user.emailKey);
      return {
        ...publicUser(user),
        ...(s
          ? {
              mailSuppression: {
                reason: s.reason,
                ...(s.bounceSubType ? { bounceSubType: s.bounceSubType } : {}),
                since: s.firstAt,
                lastAt: s.lastAt,
              },
            }
          : {}),
      };
    }),
    cursor: page.cursor,
  };
}
