import type { Caller } from '../access/caller';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { acceptablePasswordHash } from './new-password';
import { endAllSessions } from './sessions';
import { openToken, transactWithToken } from './tokens';
import { getUser } from './user-store';
import type { Deps } from '../deps';

/**
 * Sets a new password with a reset link. The link proves the mailbox, so the address counts as
 * confirmed. Every session of the account ends: whoever knew the old password is out.
 */
export async function resetPassword(
  deps: Deps,
  input: { token: string; password: string },
  caller: Caller,
): Promise<void> {
  const { userId, consume } = await openToken(deps, 'resetPassword', input.token);
  const user = await getUser(deps.store, userId, true);
  if (user.status !== 'active')
    throw new AppError('INVALID_TOKEN', 'Account not active', {
      fields: { token: { pl: 'To konto jest nieaktywne.', en: 'This account is not active.' } },
    });
  const passwordHash = await acceptablePasswordHash(input.password, user);
  await transactWithToken(deps.store, consume, [
    {
      Update: {
        TableName: '',
        Key: keys.user(userId),
        UpdateExpression: 'SET passwordHash = :hash, emailVerified = :yes, updatedAt = :now, version = version + :one',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':hash': passwordHash,
          ':yes': true,
          ':now': deps.clock.now().toISOString(),
          ':one': 1,
          ':active': 'active',
        },
      },
    },
    auditPut(deps, {
      action: 'security.passwordReset',
      actor: { userId, label: user.email },
      subject: { type: 'user', id: userId, label: user.email },
      ip: caller.ip,
    }),
  ]);
  await endAllSessions(deps, userId);
}
