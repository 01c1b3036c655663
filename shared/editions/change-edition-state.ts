import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findScoringGaps, gapCount, gapsMessage, type ScoringGaps } from '../reviews/find-scoring-gaps';
import { type Edition, type EditionState, transitionProblems } from './edition';
import { editionSubject, getEdition, saveEdition } from './edition-store';
import { staleFieldMessage } from '../accounts/user';

const staleEdition = () =>
  new AppError('STALE_VERSION', 'Edition changed meanwhile', { fields: { version: staleFieldMessage } });

export type ChangeEditionStateDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface ChangeEditionStateInput {
  caller: Caller;
  editionId: string;
  to: EditionState;
  /** The edition's version the organizer saw. */
  version: number;
  /**
   * Moving to deliberation with scoring gaps: the number of gaps the organizer saw and confirms
   * (missing sheets + pairs awaiting replacement + unchecked applications). Must equal today's count.
   */
  confirmGaps?: number;
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
  // A page showing an older version (someone moved the edition meanwhile) is told to reload, not that the move is impossible.
  if (before.version !== input.version) throw staleEdition();
  const problems = transitionProblems(before, input.to, deps.clock.now());
  if (problems.length > 0) {
    const message = { pl: problems.map((p) => p.pl).join(' '), en: problems.map((p) => p.en).join(' ') };
    throw new AppError('INVALID_STATE', message.en, { detail: message, fields: { to: message } });
  }
  const gaps = input.to === 'deliberation' ? await deliberationGaps(deps, before, input.confirmGaps) : null;
  const after: Edition = {
    ...before,
    state: input.to,
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveEdition(deps, after, input.version, {
    action: gaps ? 'edition.closedWithMissingSheets' : 'edition.stateChanged',
    actor,
    subject: editionSubject(after),
    ip: input.caller.ip,
    before: { state: before.state },
    after: { state: after.state },
    ...(gaps ? { details: { ...gaps } } : {}),
  });
  return after;
}

/**
 * Scoring must be complete before the chapter deliberates (issue 13 §8): a 409 naming what is
 * missing, unless the organizer confirms exactly the number of gaps there are now (a stale
 * confirmation is refused too). Returns the gaps closed over (null when there were none).
 */
async function deliberationGaps(
  deps: ChangeEditionStateDeps,
  edition: Edition,
  confirmed: number | undefined,
): Promise<ScoringGaps | null> {
  const gaps = await findScoringGaps(deps, { editionId: edition.editionId, deadline: edition.timeline.reviewEnd });
  const n = gapCount(gaps);
  if (n === 0) return null;
  if (confirmed === n) return gaps;
  const message = gapsMessage(gaps);
  throw new AppError('INVALID_STATE', message.en, { detail: message, fields: { confirmGaps: message } });
}
