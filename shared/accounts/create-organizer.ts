import { inviteAccount } from './invite-account';
import type { PublicUser } from './user';
import type { Language } from '../language';
import type { Deps } from '../deps';

/**
 * The first organizer (and any later one made by an operator): an invited organizer account, the
 * invitation mailed and its link returned for the command to print. Used by `npm run create-organizer`.
 */
export async function createOrganizer(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>,
  input: { email: string; displayName: string; language: Language; operator: string },
): Promise<{ user: PublicUser; link: string }> {
  return inviteAccount(deps, {
    email: input.email,
    displayName: input.displayName,
    language: input.language,
    role: 'organizer',
    audit: { action: 'organizer.created', actor: { label: input.operator } },
  });
}
