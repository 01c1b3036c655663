import { signedIn, type Caller } from '../access/caller';
import { inviteAccount } from './invite-account';
import type { ExpertProfile, PublicUser } from './user';
import { auditActor } from './user-store';
import type { Language } from '../language';
import type { Deps } from '../deps';

/** An organizer invites a chapter expert; the expert sets a password through the link. Audited. */
export async function inviteExpert(
  deps: Deps,
  input: { email: string; displayName: string; language: Language } & ExpertProfile,
  caller: Caller,
): Promise<PublicUser> {
  const me = signedIn(caller);
  const { actor, user: organizer } = await auditActor(deps.store, me.userId);
  const { affiliation, voivodeship, expertise, ...person } = input;
  const { user } = await inviteAccount(deps, {
    ...person,
    role: 'expert',
    expert: { affiliation, voivodeship, expertise },
    invitedBy: organizer.displayName,
    audit: { action: 'expert.invited', actor, ip: caller.ip },
  });
  return user;
}
