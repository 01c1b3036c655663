import type { Caller } from '../access/caller';
import type { Language } from '../language';
import { type InviteAccountDeps, inviteAccount } from './invite-account';
import type { ExpertProfile, PublicUser } from './user';
import { callerIdentity } from './user-read-store';

export type InviteExpertDeps = InviteAccountDeps;

export interface InviteExpertInput extends ExpertProfile {
  caller: Caller;
  email: string;
  displayName: string;
  language: Language;
}

/** An organizer invites a chapter expert; the expert sets a password through the link. Audited. */
export async function inviteExpert(deps: InviteExpertDeps, input: InviteExpertInput): Promise<PublicUser> {
  const { caller, affiliation, voivodeship, expertise, ...person } = input;
  const { actor, displayName: organizer } = await callerIdentity(deps.store, caller);
  const { user } = await inviteAccount(deps, {
    ...person,
    role: 'expert',
    expert: { affiliation, voivodeship, expertise },
    invitedBy: organizer,
    audit: { action: 'expert.invited', actor, ip: caller.ip },
  });
  return user;
}
