import { type Caller, signedIn } from '../access/caller';
import { AppError } from '../errors';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import { emailMarker, toUser, type User } from './user';

export async function findUser(store: Store, userId: string, consistent = false): Promise<User | null> {
  const item = await store.get(keys.user(userId), { consistent });
  return item ? toUser(item) : null;
}

export async function getUser(store: Store, userId: string, consistent = false): Promise<User> {
  const user = await findUser(store, userId, consistent);
  if (!user) throw new AppError('NOT_FOUND', `No user ${userId}`);
  return user;
}

/** Case-insensitive: through the e-mail's unique marker. */
export async function findUserByEmail(store: Store, email: string): Promise<User | null> {
  const marker = await store.get<{ userId: string }>(emailMarker(email), { consistent: true });
  return marker ? findUser(store, marker.userId, true) : null;
}

/** The signed-in account as an audit entry names it (its e-mail), with the account itself. */
export async function auditActor(
  store: Store,
  userId: string,
): Promise<{ actor: { userId: string; label: string }; user: User }> {
  const user = await getUser(store, userId);
  return { actor: { userId, label: user.email }, user };
}

/**
 * The caller as an audit entry names them. The session resolver put the account's e-mail on the
 * principal, so this costs no read; a principal without it (made in a test) is looked up.
 */
export async function callerActor(store: Store, caller: Caller): Promise<{ userId: string; label: string }> {
  const principal = signedIn(caller);
  if (principal.email) return { userId: principal.userId, label: principal.email };
  return (await auditActor(store, principal.userId)).actor;
}

export const emailTaken = {
  pl: 'Konto z tym adresem e-mail już istnieje.',
  en: 'An account with this e-mail address already exists.',
};
