import type { AppDeps } from '../http/deps';
import { accountLink, accountMail } from './account-mail';
import { countFailure, counterKey, limits, readCounters, waitMs } from './rate-limit';
import { newToken } from './tokens';
import { emailKey } from './user';
import { findUserByEmail } from './user-store';

/**
 * Mails a single-use reset link to an active account. The answer never says whether the address
 * has an account; at most a few mails per address an hour (further requests are silently dropped),
 * so the form cannot flood anyone's mailbox.
 */
export async function requestPasswordReset(
  deps: Pick<AppDeps, 'store' | 'clock' | 'mail' | 'settings'>,
  input: { email: string },
): Promise<void> {
  const key = counterKey('resetMail', emailKey(input.email));
  const [counter] = await readCounters(deps.store, [key]);
  if (waitMs(limits.resetMail, counter ?? null, deps.clock.now().getTime()) > 0) return;
  const user = await findUserByEmail(deps.store, input.email);
  if (user?.status !== 'active') return;
  await countFailure(deps, 'resetMail', key, counter ?? null);
  const { token, put } = newToken(deps.clock, 'resetPassword', user.userId);
  await deps.store.transact([put]);
  await deps.mail.send(
    accountMail(user, {
      kind: 'resetPassword',
      link: accountLink(deps.settings.publicOrigin, 'reset-password', token),
    }),
  );
}
