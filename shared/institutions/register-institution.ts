import type { Caller } from '../access/caller';
import { accountLink, accountMail } from '../accounts/account-mail';
import { acceptablePasswordHash } from '../accounts/new-password';
import { newToken } from '../accounts/tokens';
import { newUser } from '../accounts/user';
import { findUserByEmail } from '../accounts/user-store';
import type { Deps } from '../deps';
import type { Language } from '../language';
import { reserveAttempts } from '../limits/attempts';
import { type Institution, type NewInstitution, normalizeProfile } from './institution';
import { saveRegistration } from './institution-store';
import { normalizeNip } from './nip';

export type RegisterInstitutionDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>;

export interface RegisterInstitutionInput {
  caller: Caller;
  institution: NewInstitution;
  account: { email: string; password: string; displayName: string; language: Language };
}

/**
 * Self-registration: the institution, its first member's account, the unique markers for the
 * e-mail (any letter case) and the NIP, the membership, the confirmation token and the audit entry
 * are written in ONE transaction — a taken e-mail or NIP leaves nothing behind. Then the
 * confirmation e-mail goes out.
 *
 * The answer never says whether an e-mail has an account (login and password reset hide it too):
 * for a taken e-mail nothing is written, the owner of the address is told that someone tried to
 * register with it, and the answer is the same "accepted — check your mailbox". A taken NIP is
 * named (409): which public institutions take part is no secret, and the clerk needs to know to ask
 * a registered colleague for an invitation. Registrations are limited per client address.
 */
export async function registerInstitution(
  deps: RegisterInstitutionDeps,
  input: RegisterInstitutionInput,
): Promise<void> {
  await reserveAttempts(deps, [{ limit: 'registerAddress', subject: input.caller.ip }]);
  const passwordHash = await acceptablePasswordHash(input.account.password, input.account, 'account.password');
  const now = deps.clock.now().toISOString();
  const institutionId = deps.ids.newId();
  const nip = normalizeNip(input.institution.nip);
  const institution: Institution = {
    ...normalizeProfile(input.institution),
    nip,
    institutionId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const user = newUser(deps, {
    email: input.account.email,
    displayName: input.account.displayName,
    language: input.account.language,
    roles: ['institution'],
    institutionId,
    status: 'active',
    emailVerified: false,
    passwordHash,
  });
  const { token, stored } = newToken(deps.clock, 'verifyEmail', user.userId);
  const outcome = await saveRegistration(deps, {
    user,
    institution,
    token: stored,
    audit: {
      action: 'institution.registered',
      actor: { userId: user.userId, label: user.email },
      subject: { type: 'institution', id: institutionId, label: institution.name },
      ip: input.caller.ip,
      after: { name: institution.name, nip, regon: institution.regon, type: institution.type },
    },
  });
  if (outcome === 'emailTaken') {
    await warnOwner(deps, input.account.email);
    return;
  }
  await deps.mail.send(
    accountMail(user, { kind: 'verifyEmail', link: accountLink(deps.settings.publicOrigin, 'verify-email', token) }),
  );
}

/** Tells the owner of a taken address that someone tried to register with it (in the owner's language). */
async function warnOwner(deps: RegisterInstitutionDeps, email: string): Promise<void> {
  const owner = await findUserByEmail(deps.store, email);
  if (!owner) return;
  await deps.mail.send(
    accountMail(owner, {
      kind: 'registrationAttempt',
      link: accountLink(deps.settings.publicOrigin, 'forgot-password', ''),
    }),
  );
}
