import type { Deps } from '../deps';
import { epochSeconds, SESSION_ABSOLUTE_MS, sessionTtl } from './session';
import { putSession } from './session-store';
import { signSessionToken } from './session-token';

export type StartSessionDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'keyRing'>;

export interface StartSessionInput {
  userId: string;
  /** Where the sign-in came from (kept with the session). */
  ip: string;
  userAgent: string;
}

/** A new session for the account and its signed cookie value (login, accepted invitation). */
export async function startSession(
  deps: StartSessionDeps,
  input: StartSessionInput,
): Promise<{ token: string; maxAgeSeconds: number }> {
  const now = deps.clock.now().getTime();
  const sessionId = deps.ids.newId();
  const absolute = now + SESSION_ABSOLUTE_MS;
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
    },
    sessionTtl(now, absolute),
  );
  const token = signSessionToken(await deps.keyRing.key('session'), {
    userId: input.userId,
    sessionId,
    expiresAt: epochSeconds(absolute),
  });
  return { token, maxAgeSeconds: epochSeconds(SESSION_ABSOLUTE_MS) };
}
