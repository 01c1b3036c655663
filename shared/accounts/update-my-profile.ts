import { type Caller, signedIn } from '../access/caller';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import type { Language } from '../language';
import { type PublicUser, publicUser } from './user';
import { callerActor, getUser, saveProfile } from './user-store';

export type UpdateMyProfileDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface UpdateMyProfileInput {
  caller: Caller;
  displayName: string;
  language: Language;
  /** The version the edit started from. */
  version: number;
}

/** Name and language of one's own account; optimistic locking on `version` (a stale edit is a 409). */
export async function updateMyProfile(deps: UpdateMyProfileDeps, input: UpdateMyProfileInput): Promise<PublicUser> {
  const me = signedIn(input.caller);
  const [before, actor] = await Promise.all([getUser(deps.store, me.userId), callerActor(deps.store, input.caller)]);
  const after = { displayName: input.displayName, language: input.language };
  const saved = await saveProfile(deps, me.userId, after, input.version, {
    action: 'user.profileUpdated',
    actor,
    subject: { type: 'user', id: me.userId, label: before.email },
    ip: input.caller.ip,
    ...changedFields({ displayName: before.displayName, language: before.language }, after),
  });
  return publicUser(saved);
}
