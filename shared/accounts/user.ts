import type { Role } from '../access/principal';
import type { Voivodeship } from '../institutions/institution';
import { keys } from '../store/keys';
import type { Language } from '../language';

/** invited: has no password yet (set through the invitation link); deactivated: may not sign in. */
export type AccountStatus = 'invited' | 'active' | 'deactivated';

export interface ExpertProfile {
  affiliation: string;
  voivodeship: Voivodeship;
  expertise: string[];
}

export interface User {
  userId: string;
  /** As the person typed it; `emailKey` is the lower-cased form that must be unique. */
  email: string;
  emailKey: string;
  displayName: string;
  language: Language;
  roles: Role[];
  institutionId?: string;
  expert?: ExpertProfile;
  status: AccountStatus;
  emailVerified: boolean;
  passwordHash?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What any API answer may show of an account: never the password hash or the storage keys. */
export type PublicUser = Omit<User, 'passwordHash' | 'emailKey'>;

export function publicUser(user: User): PublicUser {
  return {
    userId: user.userId,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    roles: user.roles,
    ...(user.institutionId ? { institutionId: user.institutionId } : {}),
    ...(user.expert ? { expert: user.expert } : {}),
    status: user.status,
    emailVerified: user.emailVerified,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  };
}

/** E-mail addresses are unique regardless of letter case. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** A new account as every path creates it (registration, invitations, demo seed): version 1, e-mail keyed. */
export function newUser(
  deps: { clock: { now(): Date }; ids: { newId(): string } },
  fields: Pick<User, 'email' | 'displayName' | 'language' | 'roles' | 'status' | 'emailVerified'> &
    Partial<Pick<User, 'institutionId' | 'expert' | 'passwordHash'>>,
): User {
  const now = deps.clock.now().toISOString();
  const { institutionId, expert, passwordHash, ...rest } = fields;
  return {
    userId: deps.ids.newId(),
    ...rest,
    email: fields.email.trim(),
    emailKey: emailKey(fields.email),
    ...(institutionId ? { institutionId } : {}),
    ...(expert ? { expert } : {}),
    ...(passwordHash ? { passwordHash } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The user's item: profile + gsi1 entry of the organizer's user list (by primary role, then e-mail). */
export function userItem(user: User) {
  return {
    ...keys.user(user.userId),
    entity: 'user',
    ...user,
    gsi1pk: keys.usersByRole(user.roles[0] ?? 'none'),
    gsi1sk: `${user.emailKey}#${user.userId}`,
  };
}

export const emailMarker = (email: string) => keys.unique('email', emailKey(email));

/** The Put items that create an account with its unique e-mail marker, both guarded. */
export function newAccountItems(user: User) {
  return [
    { Put: { TableName: '', Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: '',
        Item: { ...emailMarker(user.email), userId: user.userId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export function toUser(item: Record<string, unknown>): User {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as unknown as User;
}
