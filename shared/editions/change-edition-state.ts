import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { AppError } from '../errors';
import { transitionProblems, type Edition, type EditionState } from './edition';
import { editionSubject, getEdition, saveEdition } from './edition-store';
import type { Deps } from '../deps';

/**
 * Moves the edition one state forward (draft → open → review → deliberation → published → archived).
 * Guards are checked on the server; the write is conditioned on the version read, so two organizers
 * cannot both move it, and audited.
 */
export async function changeEditionState(
  deps: Deps,
  editionId: string,
  input: { to: EditionState; version: number },
  caller: Caller,
): Promise<Edition> {
  const [before, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  const problems = transitionProblems(before, input.to, deps.clock.now());
  if (problems.length > 0) {
    throw new AppError('INVALID_STATE', problems.map((p) => p.en).join(' '), {
      detail: { pl: problems.map((p) => p.pl).join(' '), en: problems.map((p) => p.en).join(' ') },
      fields: { to: { pl: problems.map((p) => p.pl).join(' '), en: problems.map((p) => p.en).join(' ') } },
    });
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
    ip: caller.ip,
    before: { state: before.state },
    after: { state: after.state },
  });
  return after;
}
