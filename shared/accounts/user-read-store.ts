import { type Caller, signedIn } from '../access/caller';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store } from '../store/store';
import { User } from './user';

/**
 * Reading one account, and the caller as an audit entry names them, apart from user-store's writes
 * (which load the token and audit stores): most use cases only name their caller.
 */
export const toUser = (item: Record<string, unknown>): User => parseItem(User, item, 'user');

export async function findUser(store: Store, userId: string, consistent = false): Promise<User | null> {
  const item = await store.get(keys.user(userId), { consistent });
  return item ? toUser(item) : null;
}

export async function getUser(store: Store, userId: string, consistent = false): Promise<User> {
  const user = await findUser(store, userId, consistent);
  if (!user) throw new AppError('NOT_FOUND', `No user ${userId}`);
  return user;
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

/** The caller as an audit entry names them and by their name (an invitation's "invited by"): no read either. */
export async function callerIdentity(
  store: Store,
  caller: Caller,
): Promise<{ actor: { userId: string; label: string }; displayName: string }> {
  const principal = signedIn(caller);
  if (principal.email && principal.displayName !== undefined)
    return { actor: { userId: principal.userId, label: principal.email }, displayName: principal.displayName };
  const { actor, user } = await auditActor(store, principal.userId);
  return { actor, displayName: user.displayName };
}
