import { signedIn, type Caller } from '../access/caller';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { endAllSessions } from './sessions';
import { publicUser, type PublicUser } from './user';
import { auditActor, getUser } from './user-store';
import type { Deps } from '../deps';

/**
 * Organizer deactivates an account: it can no longer sign in, and its sessions end at once (they
 * are deleted, and the session check refuses a deactivated account even before that). Reactivating
 * restores it (an invitation never accepted stays "invited"). Both audited; repeating one is a no-op.
 */
export async function deactivateUser(deps: Deps, userId: string, caller: Caller): Promise<PublicUser> {
  const me = signedIn(caller);
  if (me.userId === userId) {
    throw new AppError('VALIDATION_FAILED', 'Cannot deactivate oneself', {
      fields: {
        userId: { pl: 'Nie możesz dezaktywować własnego konta.', en: 'You cannot deactivate your own account.' },
      },
    });
  }
  const user = await setStatus(deps, userId, 'deactivated', caller);
  await endAllSessions(deps, userId);
  return user;
}

export async function reactivateUser(deps: Deps, userId: string, caller: Caller): Promise<PublicUser> {
  const user = await getUser(deps.store, userId, true);
  return setStatus(deps, userId, user.passwordHash ? 'active' : 'invited', caller);
}

async function setStatus(
  deps: Deps,
  userId: string,
  status: 'active' | 'invited' | 'deactivated',
  caller: Caller,
): Promise<PublicUser> {
  const me = signedIn(caller);
  const [user, { actor }] = await Promise.all([getUser(deps.store, userId, true), auditActor(deps.store, me.userId)]);
  if (user.status === status) return publicUser(user);
  const now = deps.clock.now().toISOString();
  await deps.store.transact([
    {
      Update: {
        TableName: '',
        Key: keys.user(userId),
        UpdateExpression: 'SET #status = :status, updatedAt = :now, version = version + :one',
        ConditionExpression: 'version = :v',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':now': now, ':one': 1, ':v': user.version },
      },
    },
    auditPut(deps, {
      action: status === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
      actor,
      subject: { type: 'user', id: userId, label: user.email },
      ip: caller.ip,
      before: { status: user.status },
      after: { status },
    }),
  ]);
  return publicUser({ ...user, status, updatedAt: now, version: user.version + 1 });
}
