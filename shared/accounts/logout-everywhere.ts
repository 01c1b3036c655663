import { signedIn, type Caller } from '../access/caller';
import { recordAudit } from '../audit/audit';
import { endAllSessions } from './sessions';
import { auditActor } from './user-store';
import type { Deps } from '../deps';

/** Ends every session of the caller's account, this one included (a lost laptop, a shared computer). */
export async function logoutEverywhere(deps: Deps, caller: Caller): Promise<{ ended: number }> {
  const me = signedIn(caller);
  const { actor } = await auditActor(deps.store, me.userId);
  const ended = await endAllSessions(deps, me.userId);
  await recordAudit(deps, {
    action: 'security.logoutEverywhere',
    actor,
    subject: { type: 'user', id: me.userId, label: actor.label },
    ip: caller.ip,
    details: { ended },
  });
  return { ended };
}
