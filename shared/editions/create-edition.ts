import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { type Edition, type EditionSettings, newEdition, settingsProblems } from './edition';
import { editionSubject, insertEdition, problemsError } from './edition-store';

export type CreateEditionDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** The settings the organizer typed, and who is asking. */
export type CreateEditionInput = EditionSettings & { caller: Caller };

/** A new draft edition with an empty rubric and questionnaire. */
export async function createEdition(deps: CreateEditionDeps, input: CreateEditionInput): Promise<Edition> {
  const { caller, ...settings } = input;
  const problem = problemsError(settingsProblems(settings));
  if (problem) throw problem;
  const actor = await callerActor(deps.store, caller);
  const edition = newEdition(settings, { editionId: deps.ids.newId(), now: deps.clock.now().toISOString() });
  await insertEdition(deps, edition, {
    action: 'edition.created',
    actor,
    subject: editionSubject(edition),
    ip: caller.ip,
  });
  return edition;
}
