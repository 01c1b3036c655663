import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { reserveAttempts } from '../limits/attempts';
import { accountLink, accountMail } from './account-mail';
import { saveToken } from './token-store';
import { newToken } from './tokens';
import { emailKey } from './user';
import { findUserByEmail } from './user-store';

export type ResendVerificationDeps = Pick<Deps, 'store' | 'clock' | 'mail' | 'settings'>;

export interface ResendVerificationInput {
  caller: Caller;
  email: string;
}

/**
 * Sends a new confirmation link. Answers the same whether or not the address has an account (the
 * route always says 202), so it cannot be used to probe for accounts; it shares the account-mail
 * limits with the password reset, so it cannot flood a mailbox either.
 */
export async function resendVerification(deps: ResendVerificationDeps, input: ResendVerificationInput): Promise<void> {
  await reserveAttempts(deps, [
    { limit: 'accountMail', subject: emailKey(input.email) },
    { limit: 'accountMailAddress', subject: input.caller.ip },
  ]);
  const user = await findUserByEmail(deps.store, input.email);
  if (!user || user.emailVerified || user.status !== 'active') return;
  const { token, stored } = newToken(deps.clock, 'verifyEmail', user.userId);
  await saveToken(deps.store, stored);
  await deps.mail.send(
    accountMail(user, { kind: 'verifyEmail', link: accountLink(deps.settings.publicOrigin, 'verify-email', token) }),
  );
}
