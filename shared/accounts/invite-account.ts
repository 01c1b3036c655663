import type { Role } from '../access/principal';
import type { NewAuditEntry } from '../audit/audit';
import type { Deps } from '../deps';
import type { Language } from '../language';
import { accountLink, accountMail } from './account-mail';
import { newToken } from './tokens';
import { type ExpertProfile, newUser, type PublicUser, publicUser } from './user';
import { saveInvitedAccount } from './user-store';

export type InviteAccountDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>;

export interface Invitation {
  email: string;
  displayName: string;
  language: Language;
  role: Role;
  /** For a colleague: the institution the account joins (its membership is written with it). */
  institution?: { institutionId: string; name: string };
  expert?: ExpertProfile;
  invitedBy?: string;
  audit: Omit<NewAuditEntry, 'subject' | 'after'>;
}

/**
 * Creates an invited account (no password yet) with its e-mail marker, an invitation token and an
 * audit entry in one transaction, then mails the link. Shared by "invite a colleague", "invite an
 * expert" and the create-organizer command. Returns the link too (the command prints it).
 */
export async function inviteAccount(
  deps: InviteAccountDeps,
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
  const { token, stored } = newToken(deps.clock, 'invitation', user.userId);
  await saveInvitedAccount(deps, user, stored, {
    ...invitation.audit,
    subject: { type: 'user', id: user.userId, label: user.email },
    after: { email: user.email, roles: user.roles, displayName: user.displayName },
  });
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
