import type { Principal } from './principal';

/** Who is asking and from where: what use cases need of a request for checks and the audit trail. */
export interface Caller {
  principal: Principal;
  ip: string;
  userAgent: string;
}

export type SignedIn = Extract<Principal, { kind: 'user' }>;

/** The signed-in principal; routes that reach a use case needing one are never public (policy table). */
export function signedIn(caller: Caller): SignedIn {
  if (caller.principal.kind !== 'user') throw new Error('A signed-in caller was expected (check the route policy)');
  return caller.principal;
}
