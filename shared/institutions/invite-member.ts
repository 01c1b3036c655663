import { signedIn, type Caller } from '../access/caller';
import { inviteAccount } from '../accounts/invite-account';
import type { PublicUser } from '../accounts/user';
import { auditActor } from '../accounts/user-store';
import { keys } from '../store/keys';
import { getInstitution } from './institution-store';
import type { Language } from '../language';
import type { Deps } from '../deps';

/** A member (or an organizer) invites a colleague to the institution by e-mail. */
export async function inviteMember(
  deps: Deps,
  institutionId: string,
  input: { email: string; displayName: string; language: Language },
  caller: Caller,
): Promise<PublicUser> {
  const me = signedIn(caller);
  const [institution, { actor, user: inviter }] = await Promise.all([
    getInstitution(deps, institutionId),
    auditActor(deps.store, me.userId),
  ]);
  const { user } = await inviteAccount(deps, {
    ...input,
    role: 'institution',
    institution: { institutionId, name: institution.name },
    invitedBy: inviter.displayName,
    audit: { action: 'member.invited', actor, ip: caller.ip, details: { institutionId } },
    extraItems: (userId) => [
      {
        Put: {
          TableName: '',
          Item: {
            ...keys.member(institutionId, userId),
            entity: 'member',
            userId,
            joinedAt: deps.clock.now().toISOString(),
          },
        },
      },
    ],
  });
  return user;
}
