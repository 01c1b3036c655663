import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { newEdition, timelineProblems, type Edition, type EditionSettings } from './edition';
import { editionItem, editionSubject, problemsError } from './edition-store';
import type { Deps } from '../deps';

/** A new draft edition with an empty rubric and questionnaire. */
export async function createEdition(deps: Deps, settings: EditionSettings, caller: Caller): Promise<Edition> {
  const problem = problemsError(timelineProblems(settings.timeline));
  if (problem) throw problem;
  const { actor } = await auditActor(deps.store, signedIn(caller).userId);
  const edition = newEdition(settings, { editionId: deps.ids.newId(), now: deps.clock.now().toISOString() });
  await deps.store.transact([
    { Put: { TableName: '', Item: editionItem(edition), ConditionExpression: 'attribute_not_exists(pk)' } },
    auditPut(deps, { action: 'edition.created', actor, subject: editionSubject(edition), ip: caller.ip }),
  ]);
  return edition;
}
