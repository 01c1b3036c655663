import type { Language } from '../language';
import { type InviteAccountDeps, inviteAccount } from './invite-account';
import type { PublicUser } from './user';

export type CreateOrganizerDeps = InviteAccountDeps;

export interface CreateOrganizerInput {
  email: string;
  displayName: string;
  language: Language;
  /** Who ran the command (the audit entry's actor: there is no signed-in caller). */
  operator: string;
}

/**
 * The first organizer (and any later one made by an operator): an invited organizer account, the
 * invitation mailed and its link returned for the command to print. Used by `npm run create-organizer`.
 */
export async function createOrganizer(
  deps: CreateOrganizerDeps,
  input: CreateOrganizerInput,
): Promise<{ user: PublicUser; link: string }> {
  return inviteAccount(deps, {
    email: input.email,
    displayName: input.displayName,
    language: input.language,
    role: 'organizer',
    audit: { action: 'organizer.created', actor: { label: input.operator } },
  });
}
