import type { Caller } from '../access/caller';
import { type InviteAccountDeps, inviteAccount } from '../accounts/invite-account';
import type { PublicUser } from '../accounts/user';
import { callerIdentity } from '../accounts/user-read-store';
import type { Language } from '../language';
import { getInstitution } from './get-institution';

export type InviteMemberDeps = InviteAccountDeps;

export interface InviteMemberInput {
  caller: Caller;
  institutionId: string;
  email: string;
  displayName: string;
  language: Language;
}

/** A member (or an organizer) invites a colleague to the institution by e-mail; the membership is written with the account. */
export async function inviteMember(deps: InviteMemberDeps, input: InviteMemberInput): Promise<PublicUser> {
  const { caller, institutionId, ...person } = input;
  const [institution, { actor, displayName: inviter }] = await Promise.all([
    getInstitution(deps, { institutionId }),
    callerIdentity(deps.store, caller),
  ]);
  const { user } = await inviteAccount(deps, {
    ...person,
    role: 'institution',
    institution: { institutionId, name: institution.name },
    invitedBy: inviter,
    audit: { action: 'member.invited', actor, ip: caller.ip, details: { institutionId } },
  });
  return user;
}
