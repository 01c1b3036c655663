import type { Principal } from '../access/principal';
import type { Clock } from '../platform/clock';
import type { IdGenerator } from '../platform/ids';
import type { KeyRing } from '../platform/secrets';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import { signSessionToken, verifySessionToken } from './session-token';
import { toUser, type User } from './user';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so ordinary requests cost a read, not a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  keyRing: KeyRing;
}

interface SessionItem {
  sessionId: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  absoluteExpiresAt: string;
  expiresAt: number;
  ip: string;
  userAgent: string;
}

const epochSeconds = (ms: number) => Math.floor(ms / 1000);

export async function startSession(
  deps: SessionDeps,
  user: Pick<User, 'userId'>,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; maxAgeSeconds: number }> {
  const now = deps.clock.now().getTime();
  const sessionId = deps.ids.newId();
  const absolute = now + SESSION_ABSOLUTE_MS;
  const item: SessionItem = {
    sessionId,
    userId: user.userId,
    createdAt: new Date(now).toISOString(),
    lastSeenAt: new Date(now).toISOString(),
    absoluteExpiresAt: new Date(absolute).toISOString(),
    expiresAt: epochSeconds(Math.min(now + SESSION_IDLE_MS, absolute)),
    ip: meta.ip,
    userAgent: meta.userAgent.slice(0, 300),
  };
  await deps.store.put(
    { ...keys.session(user.userId, sessionId), entity: 'session', ...item },
    { expression: 'attribute_not_exists(pk)' },
  );
  const token = signSessionToken(await deps.keyRing.key('session'), {
    userId: user.userId,
    sessionId,
    expiresAt: epochSeconds(absolute),
  });
  return { token, maxAgeSeconds: epochSeconds(SESSION_ABSOLUTE_MS) };
}

/**
 * Who holds this token: anonymous unless the signature, the expiry, the stored session (not
 * revoked, not idle, not past its absolute end) and the account all check out. A deactivated
 * account resolves to an inactive principal, which every non-public route refuses.
 */
export async function resolveSession(deps: SessionDeps, token: string | undefined): Promise<Principal> {
  if (!token) return { kind: 'anonymous' };
  const now = deps.clock.now().getTime();
  const claims = verifySessionToken(await deps.keyRing.key('session'), token, epochSeconds(now));
  if (!claims) return { kind: 'anonymous' };
  const userKey = keys.user(claims.userId);
  const sessionKey = keys.session(claims.userId, claims.sessionId);
  const items = await deps.store.batchGet([userKey, sessionKey]);
  const userRow = items.find((i) => i.sk === userKey.sk);
  const session = items.find((i) => i.sk === sessionKey.sk) as (SessionItem & Record<string, unknown>) | undefined;
  if (!userRow || !session) return { kind: 'anonymous' };
  const lastSeen = Date.parse(session.lastSeenAt);
  if (now - lastSeen >= SESSION_IDLE_MS || now >= Date.parse(session.absoluteExpiresAt)) return { kind: 'anonymous' };
  const user = toUser(userRow);
  if (now - lastSeen >= TOUCH_EVERY_MS && user.status === 'active') await touch(deps, session, now);
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

async function touch(deps: SessionDeps, session: SessionItem, now: number): Promise<void> {
  const expiresAt = epochSeconds(Math.min(now + SESSION_IDLE_MS, Date.parse(session.absoluteExpiresAt)));
  await deps.store
    .update(
      keys.session(session.userId, session.sessionId),
      {
        expression: 'SET lastSeenAt = :now, expiresAt = :exp',
        values: { ':now': new Date(now).toISOString(), ':exp': expiresAt },
      },
      { expression: 'attribute_exists(pk)' },
    )
    .catch((error: unknown) => {
      // Deleted meanwhile (logout in another tab): this request still finishes; the next one is anonymous.
      if ((error as { code?: string }).code !== 'CONFLICT') throw error;
    });
}

export async function endSession(deps: Pick<SessionDeps, 'store'>, userId: string, sessionId: string): Promise<void> {
  await deps.store.delete(keys.session(userId, sessionId));
}

/** Revokes every session of the account ("log out everywhere", password reset, deactivation). */
export async function endAllSessions(deps: Pick<SessionDeps, 'store'>, userId: string): Promise<number> {
  let ended = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.query({
      partitionKey: keys.user(userId).pk,
      sortKeyPrefix: keys.sessionPrefix,
      limit: 100,
      cursor,
    });
    await Promise.all(page.items.map((s) => deps.store.delete({ pk: s.pk as string, sk: s.sk as string })));
    ended += page.items.length;
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return ended;
}
