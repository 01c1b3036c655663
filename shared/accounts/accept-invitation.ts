import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { acceptablePasswordHash } from './new-password';
import { startSession } from './start-session';
import { openToken } from './token-store';
import { type PublicUser, publicUser, type User } from './user';
import { getUser, saveAcceptedInvitation } from './user-store';

export type AcceptInvitationDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'keyRing'>;

export interface AcceptInvitationInput {
  caller: Caller;
  token: string;
  password: string;
  /** A corrected name; the invitation's when absent. */
  displayName?: string;
}

const notOpen = {
  pl: 'To zaproszenie zostało już przyjęte lub cofnięte.',
  en: 'This invitation was already accepted or withdrawn.',
};

/**
 * An invited person (colleague, expert, organizer) sets their password through the invitation link.
 * The link proves the mailbox; the account becomes active and the person is signed in.
 */
export async function acceptInvitation(
  deps: AcceptInvitationDeps,
  input: AcceptInvitationInput,
): Promise<{ user: PublicUser; token: string; maxAgeSeconds: number }> {
  const token = await openToken(deps, 'invitation', input.token);
  const user = await getUser(deps.store, token.userId, true);
  if (user.status !== 'invited')
    throw new AppError('INVALID_TOKEN', 'Invitation no longer open', { fields: { token: notOpen } });
  const passwordHash = await acceptablePasswordHash(input.password, user);
  const accepted: User & { passwordHash: string } = {
    ...user,
    passwordHash,
    displayName: input.displayName ?? user.displayName,
    status: 'active',
    emailVerified: true,
    updatedAt: deps.clock.now().toISOString(),
    version: user.version + 1,
  };
  await saveAcceptedInvitation(deps, token, accepted, {
    action: 'invitation.accepted',
    actor: { userId: user.userId, label: user.email },
    subject: { type: 'user', id: user.userId, label: user.email },
    ip: input.caller.ip,
  });
  const session = await startSession(deps, {
    userId: user.userId,
    ip: input.caller.ip,
    userAgent: input.caller.userAgent,
  });
  return { user: publicUser(accepted), ...session };
}
