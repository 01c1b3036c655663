import type { Caller } from '../access/caller';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import type { AppDeps } from '../http/deps';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { clearCounter, countFailure, counterKey, limits, readCounters, startsBurst, waitMs } from './rate-limit';
import { startSession } from './sessions';
import { emailKey, publicUser, type PublicUser } from './user';
import { findUserByEmail } from './user-store';

let dummyHash: Promise<string> | undefined;
/** Unknown e-mails are checked against this, so they take as long as known ones. */
const dummy = () => (dummyHash ??= hashPassword('not-a-password-of-anyone'));

/**
 * Logs in. Every kind of failure — unknown e-mail, wrong password, invited or deactivated account —
 * answers the same 401 after the same work, and counts towards both limits (per account, per client
 * address). Past the free attempts each further failure doubles the wait; waiting is a 429 with
 * Retry-After, also the same for known and unknown e-mails.
 */
export async function login(
  deps: AppDeps,
  input: { email: string; password: string },
  caller: Caller,
): Promise<{ user: PublicUser; token: string; maxAgeSeconds: number }> {
  const now = deps.clock.now().getTime();
  const accountKey = counterKey('loginAccount', emailKey(input.email));
  const addressKey = counterKey('loginAddress', caller.ip);
  const [account, address] = await readCounters(deps.store, [accountKey, addressKey]);
  const wait = Math.max(
    waitMs(limits.loginAccount, account ?? null, now),
    waitMs(limits.loginAddress, address ?? null, now),
  );
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError('RATE_LIMITED', 'Login delayed', { retryAfterSeconds: seconds, params: { seconds } });
  }

  const user = await findUserByEmail(deps.store, input.email);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummy()));
  if (!user?.passwordHash || !passwordOk || user.status !== 'active') {
    const [accountFailures] = await Promise.all([
      countFailure(deps, 'loginAccount', accountKey, account ?? null),
      countFailure(deps, 'loginAddress', addressKey, address ?? null),
    ]);
    if (startsBurst(limits.loginAccount, accountFailures)) {
      await recordAudit(deps, {
        action: 'security.loginFailureBurst',
        actor: { label: 'anonymous' },
        subject: user
          ? { type: 'user', id: user.userId, label: user.email }
          : { type: 'email', id: emailKey(input.email) },
        ip: caller.ip,
        details: { failures: accountFailures, userAgent: caller.userAgent },
      });
    }
    throw new AppError('INVALID_CREDENTIALS', 'Login failed');
  }
  // Only someone who knows the password learns that the address still needs confirming.
  if (!user.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED', 'E-mail not verified');

  await clearCounter(deps.store, accountKey);
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(input.password);
    // Only if the account did not change meanwhile; a lost race just leaves the upgrade to the next login.
    await deps.store
      .update(
        keys.user(user.userId),
        { expression: 'SET passwordHash = :hash', values: { ':hash': passwordHash } },
        { expression: 'version = :v', values: { ':v': user.version } },
      )
      .catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      });
  }
  const session = await startSession(deps, user, caller);
  return { user: publicUser(user), ...session };
}
