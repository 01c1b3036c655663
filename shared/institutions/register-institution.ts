import type { Caller } from '../access/caller';
import { accountLink, accountMail } from '../accounts/account-mail';
import { acceptablePasswordHash } from '../accounts/new-password';
import { newToken } from '../accounts/tokens';
import { newAccountItems, newUser } from '../accounts/user';
import { emailTaken } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { AppError, type FieldErrors } from '../errors';
import type { AppDeps } from '../http/deps';
import type { Language } from '../http/language';
import { keys } from '../store/keys';
import { failedConditions } from '../store/translate-error';
import { normalizeProfile, type Institution, type NewInstitution } from './institution';
import { normalizeNip } from './nip';

export interface Registration {
  institution: NewInstitution;
  account: { email: string; password: string; displayName: string; language: Language };
}

export const nipTaken = {
  pl: 'Instytucja z tym NIP-em jest już zarejestrowana.',
  en: 'An institution with this NIP is already registered.',
};

/**
 * Self-registration: the institution, its first member's account, the unique markers for the
 * e-mail (any letter case) and the NIP, the membership, the confirmation token and the audit entry
 * are written in ONE transaction — a taken e-mail or NIP leaves nothing behind, and the answer names
 * the field. Then the confirmation e-mail goes out.
 */
export async function registerInstitution(
  deps: AppDeps,
  input: Registration,
  caller: Caller,
): Promise<{ userId: string; institutionId: string }> {
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
  const { token, put: tokenPut } = newToken(deps.clock, 'verifyEmail', user.userId);
  try {
    await deps.store.transact([
      ...newAccountItems(user), // 0: user, 1: e-mail marker
      {
        Put: {
          TableName: '',
          Item: { ...keys.institution(institutionId), entity: 'institution', ...institution },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: '',
          Item: { ...keys.unique('nip', nip), institutionId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }, // 3
      {
        Put: {
          TableName: '',
          Item: { ...keys.member(institutionId, user.userId), entity: 'member', userId: user.userId, joinedAt: now },
        },
      },
      tokenPut,
      auditPut(deps, {
        action: 'institution.registered',
        actor: { userId: user.userId, label: user.email },
        subject: { type: 'institution', id: institutionId, label: institution.name },
        ip: caller.ip,
        after: { name: institution.name, nip, regon: institution.regon, type: institution.type },
      }),
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    const fields: FieldErrors = {};
    if (failed.includes(1)) fields['account.email'] = emailTaken;
    if (failed.includes(3)) fields['institution.nip'] = nipTaken;
    if (Object.keys(fields).length > 0)
      throw new AppError('ALREADY_EXISTS', 'E-mail or NIP taken', { fields, cause: error });
    throw error;
  }
  await deps.mail.send(
    accountMail(user, { kind: 'verifyEmail', link: accountLink(deps.settings.publicOrigin, 'verify-email', token) }),
  );
  return { userId: user.userId, institutionId };
}
