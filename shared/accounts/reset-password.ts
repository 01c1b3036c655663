import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { acceptablePasswordHash } from './new-password';
import { deleteAllSessions } from './session-store';
import { openToken } from './token-store';
import { getUser, saveResetPassword } from './user-store';

export type ResetPasswordDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface ResetPasswordInput {
  caller: Caller;
  token: string;
  password: string;
}

/**
 * Sets a new password with a reset link. The link proves the mailbox, so the address counts as
 * confirmed. Every session of the account ends: whoever knew the old password is out.
 */
export async function resetPassword(deps: ResetPasswordDeps, input: ResetPasswordInput): Promise<void> {
  const token = await openToken(deps, 'resetPassword', input.token);
  const user = await getUser(deps.store, token.userId, true);
  if (user.status !== 'active')
    throw new AppError('INVALID_TOKEN', 'Account not active', {
      fields: { token: { pl: 'To konto jest nieaktywne.', en: 'This account is not active.' } },
    });
  const passwordHash = await acceptablePasswordHash(input.password, user);
  await saveResetPassword(deps, token, passwordHash, {
    action: 'security.passwordReset',
    actor: { userId: user.userId, label: user.email },
    subject: { type: 'user', id: user.userId, label: user.email },
    ip: input.caller.ip,
  });
  await deleteAllSessions(deps.store, user.userId);
}
