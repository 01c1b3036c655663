import type { Principal } from '../access/principal';
import type { Deps } from '../deps';
import type { ItemKey } from '../store/keys';
import type { Item } from '../store/store';
import { SESSION_IDLE_MS, sessionTtl, TOUCH_EVERY_MS } from './session';
import { findUserAndSession, touchSession } from './session-store';
import { parseSessionToken, sessionSecretMatches } from './session-token';

export type ResolveSessionDeps = Pick<Deps, 'store' | 'clock'>;

export interface ResolveSessionInput {
  /** The session cookie's value, if the request carried one. */
  token: string | undefined;
  /**
   * Items to read in the same BatchGet, given the account the token names: the route's ownership item
   * (shared/access/policy.ts), so a signed-in request's permission costs no round trip of its own.
   */
  alsoRead?: (userId: string) => ItemKey[];
}

/** Who is calling, and the `alsoRead` items (only when the session holds: never for an anonymous caller). */
export interface SessionRead {
  principal: Principal;
  read?: ReadonlyMap<string, Item | null>;
}

/**
 * Who holds this token: anonymous unless it names a stored session (not revoked, not idle, not past
 * its absolute end) whose secret it carries, and the account checks out — one BatchGet, no key. A deactivated
 * account resolves to an inactive principal, which every non-public route refuses. The principal
 * carries the account's e-mail and name, so audit entries name the caller without another read.
 */
export async function resolveSession(deps: ResolveSessionDeps, input: ResolveSessionInput): Promise<SessionRead> {
  const anonymous: SessionRead = { principal: { kind: 'anonymous' } };
  if (!input.token) return anonymous;
  const now = deps.clock.now().getTime();
  const token = parseSessionToken(input.token);
  if (!token) return anonymous;
  const { user, session, read } = await findUserAndSession(
    deps.store,
    token.userId,
    token.sessionId,
    input.alsoRead?.(token.userId) ?? [],
  );
  if (!user || !session || !sessionSecretMatches(token.secret, session.secretHash)) return anonymous;
  const lastSeen = Date.parse(session.lastSeenAt);
  const absoluteEnd = Date.parse(session.absoluteExpiresAt);
  if (now - lastSeen >= SESSION_IDLE_MS || now >= absoluteEnd) return anonymous;
  if (now - lastSeen >= TOUCH_EVERY_MS && user.status === 'active')
    await touchSession(deps.store, session, new Date(now).toISOString(), sessionTtl(now, absoluteEnd));
  return {
    principal: {
      kind: 'user',
      userId: user.userId,
      roles: user.roles,
      ...(user.institutionId ? { institutionId: user.institutionId } : {}),
      active: user.status === 'active',
      sessionId: session.sessionId,
      email: user.email,
      displayName: user.displayName,
    },
    ...(read.size > 0 ? { read } : {}),
  };
}
