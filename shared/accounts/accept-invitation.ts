import type { Caller } from '../access/caller';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { acceptablePasswordHash } from './new-password';
import { startSession } from './sessions';
import { openToken, transactWithToken } from './tokens';
import { getUser } from './user-store';
import { publicUser, type PublicUser } from './user';
import type { Deps } from '../deps';

/**
 * An invited person (colleague, expert, organizer) sets their password through the invitation link.
 * The link proves the mailbox; the account becomes active and the person is signed in.
 */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; password: string; displayName?: string },
  caller: Caller,
): Promise<{ user: PublicUser; token: string; maxAgeSeconds: number }> {
  const { userId, consume } = await openToken(deps, 'invitation', input.token);
  const user = await getUser(deps.store, userId, true);
  if (user.status !== 'invited')
    throw new AppError('INVALID_TOKEN', 'Invitation no longer open', {
      fields: {
        token: {
          pl: 'To zaproszenie zostało już przyjęte lub cofnięte.',
          en: 'This invitation was already accepted or withdrawn.',
        },
      },
    });
  const passwordHash = await acceptablePasswordHash(input.password, user);
  const now = deps.clock.now().toISOString();
  const displayName = input.displayName ?? user.displayName;
  await transactWithToken(deps.store, consume, [
    {
      Update: {
        TableName: '',
        Key: keys.user(userId),
        UpdateExpression:
          'SET passwordHash = :hash, emailVerified = :yes, #status = :active, displayName = :name, updatedAt = :now, version = version + :one',
        ConditionExpression: '#status = :invited',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':hash': passwordHash,
          ':yes': true,
          ':active': 'active',
          ':invited': 'invited',
          ':name': displayName,
          ':now': now,
          ':one': 1,
        },
      },
    },
    auditPut(deps, {
      action: 'invitation.accepted',
      actor: { userId, label: user.email },
      subject: { type: 'user', id: userId, label: user.email },
      ip: caller.ip,
    }),
  ]);
  const accepted = {
    ...user,
    displayName,
    status: 'active' as const,
    emailVerified: true,
    updatedAt: now,
    version: user.version + 1,
  };
  const session = await startSession(deps, accepted, caller);
  return { user: publicUser(accepted), ...session };
}
