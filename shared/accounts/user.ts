import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { voivodeships } from '../institutions/institution';
import { languages } from '../language';

/** invited: has no password yet (set through the invitation link); deactivated: may not sign in. */
export const accountStatuses = ['invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const ExpertProfile = z.object({
  affiliation: z.string(),
  voivodeship: z.enum(voivodeships),
  expertise: z.array(z.string()),
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

/** An account as stored (user-store.ts reads items back through this schema). */
export const User = z.object({
  userId: z.string(),
  /** As the person typed it; `emailKey` is the lower-cased form that must be unique. */
  email: z.string(),
  emailKey: z.string(),
  displayName: z.string(),
  language: z.enum(languages),
  roles: z.array(z.enum(roles)),
  institutionId: z.optional(z.string()),
  expert: z.optional(ExpertProfile),
  status: z.enum(accountStatuses),
  emailVerified: z.boolean(),
  passwordHash: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type User = z.infer<typeof User>;

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

export const emailTaken = {
  pl: 'Konto z tym adresem e-mail już istnieje.',
  en: 'An account with this e-mail address already exists.',
};

/** The `version` field's message when an edit started from an older version (a 409 STALE_VERSION). */
export const staleFieldMessage = {
  pl: 'Ktoś zapisał zmiany w międzyczasie.',
  en: 'Someone saved changes in the meantime.',
};
