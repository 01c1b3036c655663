import type { Deps } from '../deps';
import { epochSeconds, SESSION_ABSOLUTE_MS, sessionTtl } from './session';
import { putSession } from './session-store';
import { formatSessionToken, newSessionSecret, sessionSecretHash } from './session-token';

export type StartSessionDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface StartSessionInput {
  userId: string;
  /** Where the sign-in came from (kept with the session). */
  ip: string;
  userAgent: string;
}

/** A new session for the account and its cookie value (login, accepted invitation). */
export async function startSession(
  deps: StartSessionDeps,
  input: StartSessionInput,
): Promise<{ token: string; maxAgeSeconds: number }> {
  const now = deps.clock.now().getTime();
  const sessionId = deps.ids.newId();
  const absolute = now + SESSION_ABSOLUTE_MS;
  const secret = newSessionSecret();
  await putSession(
    deps.store,
    {
      sessionId,
      userId: input.userId,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      absoluteExpiresAt: new Date(absolute).toISOString(),
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 300),
      secretHash: sessionSecretHash(secret),
    },
    sessionTtl(now, absolute),
  );
  return {
    token: formatSessionToken({ userId: input.userId, sessionId, secret }),
    maxAgeSeconds: epochSeconds(SESSION_ABSOLUTE_MS),
  };
}
