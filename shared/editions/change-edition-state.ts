import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type Edition, type EditionState, transitionProblems } from './edition';
import { editionSubject, getEdition, saveEdition } from './edition-store';

export type ChangeEditionStateDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface ChangeEditionStateInput {
  caller: Caller;
  editionId: string;
  to: EditionState;
  /** The edition's version the organizer saw. */
  version: number;
}

/**
 * Moves the edition one state forward (draft → open → review → deliberation → published → archived).
 * Guards are checked on the server; the write is conditioned on the version read, so two organizers
 * cannot both move it, and audited.
 */
export async function changeEditionState(
  deps: ChangeEditionStateDeps,
  input: ChangeEditionStateInput,
): Promise<Edition> {
  const [before, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerActor(deps.store, input.caller),
  ]);
  const problems = transitionProblems(before, input.to, deps.clock.now());
  if (problems.length > 0) {
    const message = { pl: problems.map((p) => p.pl).join(' '), en: problems.map((p) => p.en).join(' ') };
    throw new AppError('INVALID_STATE', message.en, { detail: message, fields: { to: message } });
  }
  const after: Edition = {
    ...before,
    state: input.to,
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveEdition(deps, after, input.version, {
    action: 'edition.stateChanged',
    actor,
    subject: editionSubject(after),
    ip: input.caller.ip,
    before: { state: before.state },
    after: { state: after.state },
  });
  return after;
}
