import { signedIn, type Caller } from '../access/caller';
import { recordAudit } from '../audit/audit';
import type { AppDeps } from '../http/deps';
import { endAllSessions } from './sessions';

/** Ends every session of the caller's account, this one included (a lost laptop, a shared computer). */
export async function logoutEverywhere(deps: AppDeps, caller: Caller): Promise<{ ended: number }> {
  const me = signedIn(caller);
  const ended = await endAllSessions(deps, me.userId);
  await recordAudit(deps, { action: 'security.logoutEverywhere', actor: { userId: me.userId, label: me.userId }, subject: { type: 'user', id: me.userId }, ip: caller.ip, details: { ended } });
  return { ended };
}
