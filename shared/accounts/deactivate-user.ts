import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { deleteAllSessions } from './session-store';
import { type PublicUser, publicUser } from './user';
import { callerActor, getUser, saveAccountStatus } from './user-store';

export type DeactivateUserDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface DeactivateUserInput {
  caller: Caller;
  userId: string;
}

const notYourself = { pl: 'Nie możesz dezaktywować własnego konta.', en: 'You cannot deactivate your own account.' };

/**
 * Organizer deactivates an account: it can no longer sign in, and its sessions end at once (they
 * are deleted, and the session check refuses a deactivated account even before that). Audited;
 * repeating it is a no-op (reactivate-user.ts undoes it).
 */
export async function deactivateUser(deps: DeactivateUserDeps, input: DeactivateUserInput): Promise<PublicUser> {
  if (signedIn(input.caller).userId === input.userId) {
    throw new AppError('VALIDATION_FAILED', 'Cannot deactivate oneself', { fields: { userId: notYourself } });
  }
  const [user, actor] = await Promise.all([
    getUser(deps.store, input.userId, true),
    callerActor(deps.store, input.caller),
  ]);
  let result = user;
  if (user.status !== 'deactivated') {
    const now = deps.clock.now().toISOString();
    await saveAccountStatus(deps, user, 'deactivated', now, {
      action: 'user.deactivated',
      actor,
      subject: { type: 'user', id: user.userId, label: user.email },
      ip: input.caller.ip,
      before: { status: user.status },
      after: { status: 'deactivated' },
    });
    result = { ...user, status: 'deactivated', updatedAt: now, version: user.version + 1 };
  }
  await deleteAllSessions(deps.store, input.userId);
  return publicUser(result);
}
