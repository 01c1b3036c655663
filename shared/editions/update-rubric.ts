import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { editable, type Edition } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import { maxTotal, rubricProblems, type Rubric } from './rubric';
import type { Deps } from '../deps';

/** Replaces the rubric; frozen once review starts. The audit keeps the derived maximum before and after. */
export async function updateRubric(
  deps: Deps,
  editionId: string,
  input: { rubric: Rubric; version: number },
  caller: Caller,
): Promise<Edition> {
  const [before, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    auditActor(deps.store, signedIn(caller).userId),
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
    ip: caller.ip,
    before: { maxTotal: maxTotal(before.rubric) },
    after: { maxTotal: maxTotal(after.rubric) },
  });
  return after;
}
