import type { Caller } from '../access/caller';
import { recordAudit } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { recordFailure, recordSuccess, reserveAttempts, type Subject } from '../limits/attempts';
import { DEVICE_TOKEN_TTL_SECONDS, deviceAccount, signDeviceToken, verifyDeviceToken } from './device-token';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { startSession } from './start-session';
import { emailKey, type PublicUser, publicUser } from './user';
import { findUserByEmail, upgradePasswordHash } from './user-store';

let dummyHash: Promise<string> | undefined;
/** Unknown e-mails are checked against this, so they take as long as known ones. */
const dummy = () => (dummyHash ??= hashPassword('not-a-password-of-anyone'));

export type LoginDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'keyRing' | 'metrics'>;

export interface LoginInput {
  caller: Caller;
  email: string;
  password: string;
  /** The browser's known-device tokens (its device cookie), newest first. */
  deviceTokens?: string[];
}

export interface LoginResult {
  user: PublicUser;
  token: string;
  maxAgeSeconds: number;
  /** The known-device token for this browser (new or renewed), to keep in a cookie. */
  device: { token: string; maxAgeSeconds: number };
}

/**
 * Logs in. An attempt is reserved under the login limits BEFORE the password is checked, so a burst
 * of parallel guesses evaluates at most the limit's number of passwords. A browser holding a
 * known-device token for this account is limited on its own (strangers' failures cannot lock it
 * out); any other browser is limited per account and per client address. Every kind of failure —
 * unknown e-mail, wrong password, invited or deactivated account — answers the same 401 after the
 * same work; waiting is a 429 with Retry-After, also the same for known and unknown e-mails.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const { caller } = input;
  const account = deviceAccount(emailKey(input.email));
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  const deviceKey = await deps.keyRing.key('device');
  const known = (input.deviceTokens ?? [])
    .map((t) => verifyDeviceToken(deviceKey, t, account, nowSeconds))
    .find((claims) => claims !== null);
  const subjects: Subject[] = known
    ? [{ limit: 'loginDevice', subject: known.deviceId }]
    : [
        { limit: 'loginAccount', subject: emailKey(input.email) },
        { limit: 'loginAddress', subject: caller.ip },
      ];
  const reservation = await reserveAttempts(deps, subjects).catch((error: unknown) => {
    if (isAppError(error, 'RATE_LIMITED')) {
      throw new AppError('RATE_LIMITED', 'Login delayed', {
        retryAfterSeconds: error.retryAfterSeconds,
        params: error.params,
      });
    }
    throw error;
  });

  const user = await findUserByEmail(deps.store, input.email);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummy()));
  if (!user?.passwordHash || !passwordOk || user.status !== 'active') {
    const bursts = await recordFailure(deps, reservation);
    deps.metrics.count('LoginFailures');
    if (bursts.includes('loginAccount') || bursts.includes('loginDevice')) {
      await recordAudit(deps, {
        action: 'security.loginFailureBurst',
        actor: { label: 'anonymous' },
        subject: user
          ? { type: 'user', id: user.userId, label: user.email }
          : { type: 'email', id: emailKey(input.email) },
        ip: caller.ip,
        details: { knownDevice: known !== undefined, userAgent: caller.userAgent },
      });
    }
    throw new AppError('INVALID_CREDENTIALS', 'Login failed');
  }
  // The password was right: the account's (or this device's) failures are forgotten.
  await recordSuccess(deps, reservation, ['loginAccount', 'loginDevice']);
  // Only someone who knows the password learns that the address still needs confirming.
  if (!user.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED', 'E-mail not verified');

  if (needsRehash(user.passwordHash)) {
    await upgradePasswordHash(deps.store, user, await hashPassword(input.password));
  }
  const session = await startSession(deps, { userId: user.userId, ip: caller.ip, userAgent: caller.userAgent });
  const deviceToken = signDeviceToken(deviceKey, {
    deviceId: known?.deviceId ?? deps.ids.newId(),
    account,
    expiresAt: nowSeconds + DEVICE_TOKEN_TTL_SECONDS,
  });
  return {
    user: publicUser(user),
    ...session,
    device: { token: deviceToken, maxAgeSeconds: DEVICE_TOKEN_TTL_SECONDS },
  };
}
