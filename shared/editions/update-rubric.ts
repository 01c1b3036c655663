import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { type Edition, editable } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import { maxTotal, type Rubric, rubricProblems } from './rubric';

export type UpdateRubricDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface UpdateRubricInput {
  caller: Caller;
  editionId: string;
  rubric: Rubric;
  /** The edition's version the rubric was edited from. */
  version: number;
}

/** Replaces the rubric; frozen once review starts. The audit keeps the derived maximum before and after. */
export async function updateRubric(deps: UpdateRubricDeps, input: UpdateRubricInput): Promise<Edition> {
  const [before, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerActor(deps.store, input.caller),
  ]);
  if (!editable.rubric(before.state))
    throw invalidState({
      pl: 'Kryteria oceny są zamrożone od rozpoczęcia oceny.',
      en: 'The rubric is frozen once review has started.',
    });
  const problem = problemsError(rubricProblems(input.rubric), 'rubric.');
  if (problem) throw problem;
  const after: Edition = {
    ...before,
    rubric: input.rubric,
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveEdition(deps, after, input.version, {
    action: 'edition.rubricUpdated',
    actor,
    subject: editionSubject(after),
    ip: input.caller.ip,
    before: { maxTotal: maxTotal(before.rubric) },
    after: { maxTotal: maxTotal(after.rubric) },
  });
  return after;
}
