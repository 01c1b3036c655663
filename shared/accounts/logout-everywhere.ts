import { type Caller, signedIn } from '../access/caller';
import { recordAudit } from '../audit/audit-store';
import type { Deps } from '../deps';
import { deleteAllSessions } from './session-store';
import { callerActor } from './user-read-store';

export type LogoutEverywhereDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface LogoutEverywhereInput {
  caller: Caller;
}

/** Ends every session of the caller's account, this one included (a lost laptop, a shared computer). */
export async function logoutEverywhere(
  deps: LogoutEverywhereDeps,
  input: LogoutEverywhereInput,
): Promise<{ ended: number }> {
  const me = signedIn(input.caller);
  const actor = await callerActor(deps.store, input.caller);
  const ended = await deleteAllSessions(deps.store, me.userId);
  await recordAudit(deps, {
    action: 'security.logoutEverywhere',
    actor,
    subject: { type: 'user', id: me.userId, label: actor.label },
    ip: input.caller.ip,
    details: { ended },
  });
  return { ended };
}
