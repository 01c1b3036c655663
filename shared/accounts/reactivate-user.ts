import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { type PublicUser, publicUser } from './user';
import { callerActor, getUser, saveAccountStatus } from './user-store';

export type ReactivateUserDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface ReactivateUserInput {
  caller: Caller;
  userId: string;
}

/**
 * Organizer reactivates a deactivated account: active again, or "invited" when its invitation was
 * never accepted (it has no password). Audited; repeating it is a no-op.
 */
export async function reactivateUser(deps: ReactivateUserDeps, input: ReactivateUserInput): Promise<PublicUser> {
  const [user, actor] = await Promise.all([
    getUser(deps.store, input.userId, true),
    callerActor(deps.store, input.caller),
  ]);
  const status = user.passwordHash ? 'active' : 'invited';
  if (user.status === status) return publicUser(user);
  const now = deps.clock.now().toISOString();
  await saveAccountStatus(deps, user, status, now, {
    action: 'user.reactivated',
    actor,
    subject: { type: 'user', id: user.userId, label: user.email },
    ip: input.caller.ip,
    before: { status: user.status },
    after: { status },
  });
  return publicUser({ ...user, status, updatedAt: now, version: user.version + 1 });
}
