import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { deleteSession } from './session-store';

export type LogoutDeps = Pick<Deps, 'store'>;

export interface LogoutInput {
  caller: Caller;
}

/** Ends the session the request came with (if any: logging out twice, or signed out, is fine). */
export async function logout(deps: LogoutDeps, input: LogoutInput): Promise<void> {
  const principal = input.caller.principal;
  if (principal.kind === 'user' && principal.sessionId)
    await deleteSession(deps.store, principal.userId, principal.sessionId);
}
