import type { Deps } from '../deps';
import { openToken } from './token-store';
import { saveEmailVerified } from './user-store';

export type VerifyEmailDeps = Pick<Deps, 'store' | 'clock'>;

export interface VerifyEmailInput {
  token: string;
}

/** Confirms the address with the link's token; the token is consumed in the same transaction. */
export async function verifyEmail(deps: VerifyEmailDeps, input: VerifyEmailInput): Promise<void> {
  const token = await openToken(deps, 'verifyEmail', input.token);
  await saveEmailVerified(deps.store, token, deps.clock.now().toISOString());
}
