import type { Principal } from '../access/principal';
import type { Deps } from '../deps';
import { epochSeconds, SESSION_IDLE_MS, sessionTtl, TOUCH_EVERY_MS } from './session';
import { findUserAndSession, touchSession } from './session-store';
import { verifySessionToken } from './session-token';

export type ResolveSessionDeps = Pick<Deps, 'store' | 'clock' | 'keyRing'>;

export interface ResolveSessionInput {
  /** The session cookie's value, if the request carried one. */
  token: string | undefined;
}

/**
 * Who holds this token: anonymous unless the signature, the expiry, the stored session (not
 * revoked, not idle, not past its absolute end) and the account all check out. A deactivated
 * account resolves to an inactive principal, which every non-public route refuses. The principal
 * carries the account's e-mail and name, so audit entries name the caller without another read.
 */
export async function resolveSession(deps: ResolveSessionDeps, input: ResolveSessionInput): Promise<Principal> {
  if (!input.token) return { kind: 'anonymous' };
  const now = deps.clock.now().getTime();
  const claims = verifySessionToken(await deps.keyRing.key('session'), input.token, epochSeconds(now));
  if (!claims) return { kind: 'anonymous' };
  const { user, session } = await findUserAndSession(deps.store, claims.userId, claims.sessionId);
  if (!user || !session) return { kind: 'anonymous' };
  const lastSeen = Date.parse(session.lastSeenAt);
  const absoluteEnd = Date.parse(session.absoluteExpiresAt);
  if (now - lastSeen >= SESSION_IDLE_MS || now >= absoluteEnd) return { kind: 'anonymous' };
  if (now - lastSeen >= TOUCH_EVERY_MS && user.status === 'active')
    await touchSession(deps.store, session, new Date(now).toISOString(), sessionTtl(now, absoluteEnd));
  return {
    kind: 'user',
    userId: user.userId,
    roles: user.roles,
    ...(user.institutionId ? { institutionId: user.institutionId } : {}),
    active: user.status === 'active',
    sessionId: session.sessionId,
    email: user.email,
    displayName: user.displayName,
  };
}
