import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { reserveAttempts } from '../limits/attempts';
import { accountLink, accountMail } from './account-mail';
import { saveToken } from './token-store';
import { newToken } from './tokens';
import { emailKey } from './user';
import { findUserByEmail } from './user-store';

export type RequestPasswordResetDeps = Pick<Deps, 'store' | 'clock' | 'mail' | 'settings'>;

export interface RequestPasswordResetInput {
  caller: Caller;
  email: string;
}

/**
 * Mails a single-use reset link to an active account. The answer never says whether the address
 * has an account. Every request counts (reserved before anything else) towards a few mails per
 * address an hour and a few more per client address, so the form can flood nobody's mailbox; past
 * that it is a 429, for known and unknown addresses alike.
 */
export async function requestPasswordReset(
  deps: RequestPasswordResetDeps,
  input: RequestPasswordResetInput,
): Promise<void> {
  await reserveAttempts(deps, [
    { limit: 'accountMail', subject: emailKey(input.email) },
    { limit: 'accountMailAddress', subject: input.caller.ip },
  ]);
  const user = await findUserByEmail(deps.store, input.email);
  if (user?.status !== 'active') return;
  const { token, stored } = newToken(deps.clock, 'resetPassword', user.userId);
  await saveToken(deps.store, stored);
  await deps.mail.send(
    accountMail(user, {
      kind: 'resetPassword',
      link: accountLink(deps.settings.publicOrigin, 'reset-password', token),
    }),
  );
}
