import type { Role } from '../access/principal';
import { auditPut, type NewAuditEntry } from '../audit/audit';
import { AppError } from '../errors';
import type { TransactItem } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { accountLink, accountMail } from './account-mail';
import { newToken } from './tokens';
import { newAccountItems, newUser, publicUser, type ExpertProfile, type PublicUser } from './user';
import { emailTaken } from './user-store';
import type { Language } from '../language';
import type { Deps } from '../deps';

export interface Invitation {
  email: string;
  displayName: string;
  language: Language;
  role: Role;
  institution?: { institutionId: string; name: string };
  expert?: ExpertProfile;
  invitedBy?: string;
  /** Extra items for the same transaction, given the new account's id (a membership). */
  extraItems?: (userId: string) => TransactItem[];
  audit: Omit<NewAuditEntry, 'subject' | 'after'>;
}

/**
 * Creates an invited account (no password yet) with its e-mail marker, an invitation token and an
 * audit entry in one transaction, then mails the link. Shared by "invite a colleague", "invite an
 * expert" and the create-organizer command. Returns the link too (the command prints it).
 */
export async function inviteAccount(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>,
  invitation: Invitation,
): Promise<{ user: PublicUser; link: string }> {
  const user = newUser(deps, {
    email: invitation.email,
    displayName: invitation.displayName,
    language: invitation.language,
    roles: [invitation.role],
    institutionId: invitation.institution?.institutionId,
    expert: invitation.expert,
    status: 'invited',
    emailVerified: false,
  });
  const { token, put } = newToken(deps.clock, 'invitation', user.userId);
  try {
    await deps.store.transact([
      ...newAccountItems(user),
      put,
      auditPut(deps, {
        ...invitation.audit,
        subject: { type: 'user', id: user.userId, label: user.email },
        after: { email: user.email, roles: user.roles, displayName: user.displayName },
      }),
      ...(invitation.extraItems?.(user.userId) ?? []),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(1))
      throw new AppError('ALREADY_EXISTS', 'E-mail taken', { fields: { email: emailTaken }, cause: error });
    throw error;
  }
  const link = accountLink(deps.settings.publicOrigin, 'accept-invitation', token);
  await deps.mail.send(
    accountMail(user, {
      kind: 'invitation',
      link,
      role: invitation.role,
      invitedBy: invitation.invitedBy,
      institutionName: invitation.institution?.name,
    }),
  );
  return { user: publicUser(user), link };
}
