import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { changedFields } from '../audit/audit';
import type { AppDeps } from '../http/deps';
import { editable, timelineProblems, type Edition, type EditionSettings } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';

/** Settings (name, timeline, categories, threshold, fees…) while the edition is a draft or open; versioned. */
export async function updateEditionSettings(deps: AppDeps, editionId: string, input: EditionSettings & { version: number }, caller: Caller): Promise<Edition> {
  const [before, { actor }] = await Promise.all([getEdition(deps.store, editionId), auditActor(deps.store, signedIn(caller).userId)]);
  if (!editable.settings(before.state)) {
    throw invalidState({ pl: 'Ustawienia edycji można zmieniać tylko przed rozpoczęciem oceny.', en: 'Edition settings can change only before review starts.' });
  }
  const problem = problemsError(timelineProblems(input.timeline));
  if (problem) throw problem;
  const { version, ...settings } = input;
  const after: Edition = { ...before, ...settings, description: settings.description, updatedAt: deps.clock.now().toISOString(), version: version + 1 };
  const { rubric: _r, questionnaire: _q, ...beforeSettings } = before;
  const { rubric: _r2, questionnaire: _q2, ...afterSettings } = after;
  const { version: _v1, updatedAt: _u1, ...b } = beforeSettings;
  const { version: _v2, updatedAt: _u2, ...a } = afterSettings;
  await saveEdition(deps, after, version, { action: 'edition.settingsUpdated', actor, subject: editionSubject(after), ip: caller.ip, ...changedFields(b, a) });
  return after;
}
