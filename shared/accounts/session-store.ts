import { isAppError } from '../errors';
import { type ItemKey, keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Item, itemKeyId, type Store } from '../store/store';
import { Session } from './session';
import { User } from './user';

/**
 * The sessions' DynamoDB shapes: one item per session in its account's partition (beside the
 * profile, so one BatchGet resolves both), removed by TTL at `expiresAt` (the idle or absolute end).
 */
export async function putSession(store: Store, session: Session, expiresAt: number): Promise<void> {
  await store.put(
    { ...keys.session(session.userId, session.sessionId), entity: 'session', ...session, expiresAt },
    { expression: 'attribute_not_exists(pk)' },
  );
}

/**
 * The account and the session a cookie names, in one round trip; either may be missing. `alsoRead`
 * rides in the same BatchGet, strongly consistent then (the route's ownership item): `read` holds
 * each of those keys' item, or null when it is not there.
 */
export async function findUserAndSession(
  store: Store,
  userId: string,
  sessionId: string,
  alsoRead: ItemKey[] = [],
): Promise<{ user: User | null; session: Session | null; read: Map<string, Item | null> }> {
  const userKey = keys.user(userId);
  const sessionKey = keys.session(userId, sessionId);
  const items = await store.batchGet([userKey, sessionKey, ...alsoRead], { consistent: alsoRead.length > 0 });
  const byKey = new Map(items.map((i) => [itemKeyId(i), i]));
  const userItem = byKey.get(itemKeyId(userKey));
  const sessionItem = byKey.get(itemKeyId(sessionKey));
  return {
    user: userItem ? parseItem(User, userItem, 'user') : null,
    session: sessionItem ? parseItem(Session, sessionItem, 'session') : null,
    read: new Map(alsoRead.map((k) => [itemKeyId(k), byKey.get(itemKeyId(k)) ?? null])),
  };
}

/** Moves the idle end on; a session deleted meanwhile (logout in another tab) is left deleted. */
export async function touchSession(store: Store, session: Session, now: string, expiresAt: number): Promise<void> {
  try {
    await store.update(
      keys.session(session.userId, session.sessionId),
      { expression: 'SET lastSeenAt = :now, expiresAt = :exp', values: { ':now': now, ':exp': expiresAt } },
      { expression: 'attribute_exists(pk)' },
    );
  } catch (error) {
    if (!isAppError(error, 'CONFLICT')) throw error;
  }
}

export async function deleteSession(store: Store, userId: string, sessionId: string): Promise<void> {
  await store.delete(keys.session(userId, sessionId));
}

/** Deletes every session of the account, page by page; returns how many there were. */
export async function deleteAllSessions(store: Store, userId: string): Promise<number> {
  let ended = 0;
  let cursor: string | undefined;
  do {
    const page = await store.query({
      partitionKey: keys.user(userId).pk,
      sortKeyPrefix: keys.sessionPrefix,
      limit: 100,
      cursor,
    });
    const sessions = page.items.map((item) => parseItem(Session, item, 'session'));
    await Promise.all(sessions.map((s) => deleteSession(store, s.userId, s.sessionId)));
    ended += sessions.length;
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return ended;
}
