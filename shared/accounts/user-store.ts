import * as z from 'zod/mini';
import type { Role } from '../access/principal';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { type ItemKey, keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Page, type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { type OpenedToken, tokenPut, writeConsumingToken } from './token-store';
import type { StoredToken } from './tokens';
import { findUser, getUser, toUser } from './user-read-store';
import { type AccountStatus, emailKey, emailTaken, staleFieldMessage, type User } from './user';

// One account's reads and the caller as audit entries name them, apart so that a use case that only
// names its caller (every autosave) does not load the writes' token and audit stores; re-exported here.
export { auditActor, callerActor, callerIdentity, findUser, getUser, toUser } from './user-read-store';

/**
 * The accounts' DynamoDB shapes: the profile item (with gsi1 listing accounts by primary role, then
 * e-mail), the e-mail's unique marker, and the membership item in the institution's partition.
 * Sessions and tokens have their own stores (session-store.ts, token-store.ts).
 */
type WriteDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

function userItem(user: User) {
  return {
    ...keys.user(user.userId),
    entity: 'user',
    ...user,
    gsi1pk: keys.usersByRole(user.roles[0] ?? 'none'),
    // Not keyPart: an e-mail may contain `#`; the id after the last one keeps the sort key unique.
    gsi1sk: `${user.emailKey}#${user.userId}`,
  };
}

/** The marker that makes an e-mail address unique in any letter case; it names the account. */
export const emailMarker = (email: string): ItemKey => keys.unique('email', emailKey(email));
const EmailMarker = z.object({ userId: z.string() });

const MemberItem = z.object({ userId: z.string() });

const notExists = { expression: 'attribute_not_exists(pk)' };

/**
 * The items that create an account, in this order: the profile and its e-mail marker (both guarded,
 * so a taken address fails item 1), and for an institution member the membership.
 */
export function newAccountItems(user: User): TransactItem[] {
  return [
    tx.put(userItem(user), notExists),
    tx.put({ ...emailMarker(user.email), userId: user.userId }, notExists),
    ...(user.institutionId
      ? [
          tx.put({
            ...keys.member(user.institutionId, user.userId),
            entity: 'member',
            userId: user.userId,
            joinedAt: user.createdAt,
          }),
        ]
      : []),
  ];
}

/** Case-insensitive: through the e-mail's unique marker. */
export async function findUserByEmail(store: Store, email: string): Promise<User | null> {
  const marker = await store.get(emailMarker(email), { consistent: true });
  return marker ? findUser(store, parseItem(EmailMarker, marker, 'e-mail marker').userId, true) : null;
}

/** Accounts of one role by e-mail, a page at a time (gsi1, never a Scan). */
export async function listUsersByRole(
  store: Store,
  role: Role,
  page: { limit: number; cursor?: string },
): Promise<Page<User>> {
  const found = await store.query({ index: 'gsi1', partitionKey: keys.usersByRole(role), ...page });
  return { items: found.items.map(toUser), cursor: found.cursor };
}

/** An institution's members (a handful; 100 is plenty): the membership items, then the accounts in one BatchGet. */
export async function listInstitutionUsers(store: Store, institutionId: string): Promise<User[]> {
  const members = await store.query({
    partitionKey: keys.institution(institutionId).pk,
    sortKeyPrefix: keys.memberPrefix,
    limit: 100,
  });
  const ids = members.items.map((m) => parseItem(MemberItem, m, 'membership').userId);
  return (await store.batchGet(ids.map((id) => keys.user(id)))).map(toUser);
}

/**
 * Creates an invited account with its invitation token and the audit entry in one transaction. A taken e-mail is 409 ALREADY_EXISTS naming `email`.
 */
export async function saveInvitedAccount(
  deps: WriteDeps,
  user: User,
  token: StoredToken,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([...newAccountItems(user), tokenPut(token), auditPut(deps, audit)]);
  } catch (error) {
    if (failedConditions(error).includes(1))
      throw new AppError('ALREADY_EXISTS', 'E-mail taken', { fields: { email: emailTaken }, cause: error });
    throw error;
  }
}

/** The invited account gets its password and becomes active, consuming the invitation — only while still invited. */
export async function saveAcceptedInvitation(
  deps: WriteDeps,
  token: OpenedToken,
  accepted: Pick<User, 'userId' | 'displayName' | 'updatedAt'> & { passwordHash: string },
  audit: NewAuditEntry,
): Promise<void> {
  await writeConsumingToken(deps.store, token, [
    tx.update(
      keys.user(accepted.userId),
      {
        expression:
          'SET passwordHash = :hash, emailVerified = :yes, #status = :active, displayName = :name, updatedAt = :now, version = version + :one',
        names: { '#status': 'status' },
        values: {
          ':hash': accepted.passwordHash,
          ':yes': true,
          ':active': 'active',
          ':name': accepted.displayName,
          ':now': accepted.updatedAt,
          ':one': 1,
        },
      },
      { expression: '#status = :invited', names: { '#status': 'status' }, values: { ':invited': 'invited' } },
    ),
    auditPut(deps, audit),
  ]);
}

/** A reset link sets a new password (the link proved the mailbox) — only on an active account. */
export async function saveResetPassword(
  deps: WriteDeps,
  token: OpenedToken,
  passwordHash: string,
  audit: NewAuditEntry,
): Promise<void> {
  await writeConsumingToken(deps.store, token, [
    tx.update(
      keys.user(token.userId),
      {
        expression: 'SET passwordHash = :hash, emailVerified = :yes, updatedAt = :now, version = version + :one',
        values: { ':hash': passwordHash, ':yes': true, ':now': deps.clock.now().toISOString(), ':one': 1 },
      },
      { expression: '#status = :active', names: { '#status': 'status' }, values: { ':active': 'active' } },
    ),
    auditPut(deps, audit),
  ]);
}

/** The confirmation link marks the address verified, consuming the link. */
export async function saveEmailVerified(store: Store, token: OpenedToken, now: string): Promise<void> {
  await writeConsumingToken(store, token, [
    tx.update(
      keys.user(token.userId),
      { expression: 'SET emailVerified = :yes, updatedAt = :now', values: { ':yes': true, ':now': now } },
      { expression: 'attribute_exists(pk)' },
    ),
  ]);
}

/**
 * An account's new status with its audit entry, only from the version it was read at: a change
 * meanwhile (a rare race between two organizers) is the store's 409 CONFLICT, nothing written.
 */
export async function saveAccountStatus(
  deps: WriteDeps,
  user: Pick<User, 'userId' | 'version'>,
  status: AccountStatus,
  now: string,
  audit: NewAuditEntry,
): Promise<void> {
  await deps.store.transact([
    tx.update(
      keys.user(user.userId),
      {
        expression: 'SET #status = :status, updatedAt = :now, version = version + :one',
        names: { '#status': 'status' },
        values: { ':status': status, ':now': now, ':one': 1 },
      },
      { expression: 'version = :v', values: { ':v': user.version } },
    ),
    auditPut(deps, audit),
  ]);
}

/**
 * One's own name and language with the audit entry, only from `expectedVersion` (a stale edit is
 * 409 STALE_VERSION); returns the account as saved (read back strongly consistent).
 */
export async function saveProfile(
  deps: WriteDeps,
  userId: string,
  profile: Pick<User, 'displayName' | 'language'>,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<User> {
  try {
    await deps.store.transact([
      tx.update(
        keys.user(userId),
        {
          expression: 'SET displayName = :name, #language = :lang, updatedAt = :now, version = version + :one',
          names: { '#language': 'language' },
          values: {
            ':name': profile.displayName,
            ':lang': profile.language,
            ':now': deps.clock.now().toISOString(),
            ':one': 1,
          },
        },
        { expression: 'version = :v', values: { ':v': expectedVersion } },
      ),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT'))
      throw new AppError('STALE_VERSION', 'Profile changed meanwhile', {
        fields: { version: staleFieldMessage },
        cause: error,
      });
    throw error;
  }
  return getUser(deps.store, userId, true);
}

/**
 * Replaces a password hash made with older parameters, only if the account did not change since it
 * was read; a lost race just leaves the upgrade to the next login.
 */
export async function upgradePasswordHash(
  store: Store,
  user: Pick<User, 'userId' | 'version'>,
  passwordHash: string,
): Promise<void> {
  try {
    await store.update(
      keys.user(user.userId),
      { expression: 'SET passwordHash = :hash', values: { ':hash': passwordHash } },
      { expression: 'version = :v', values: { ':v': user.version } },
    );
  } catch (error) {
    if (!isAppError(error, 'CONFLICT')) throw error;
  }
}
