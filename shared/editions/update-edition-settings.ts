import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { changedFields } from '../audit/audit';
import { editable, EditionSettings, timelineProblems, type Edition } from './edition';

/** Only the settings (what this use case edits), for the audit's before/after. */
const settingsOf = (e: Edition): Record<string, unknown> =>
  Object.fromEntries(Object.keys(EditionSettings.shape).map((k) => [k, e[k as keyof Edition]]));
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import type { Deps } from '../deps';

/** Settings (name, timeline, categories, threshold, fees…) while the edition is a draft or open; versioned. */
export async function updateEditionSettings(
  deps: Deps,
  editionId: string,
  input: EditionSettings & { version: number },
  caller: Caller,
): Promise<Edition> {
  const [before, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  if (!editable.settings(before.state)) {
    throw invalidState({
      pl: 'Ustawienia edycji można zmieniać tylko przed rozpoczęciem oceny.',
      en: 'Edition settings can change only before review starts.',
    });
  }
  const problem = problemsError(timelineProblems(input.timeline));
  if (problem) throw problem;
  const { version, ...settings } = input;
  const after: Edition = {
    ...before,
    ...settings,
    description: settings.description,
    updatedAt: deps.clock.now().toISOString(),
    version: version + 1,
  };
  await saveEdition(deps, after, version, {
    action: 'edition.settingsUpdated',
    actor,
    subject: editionSubject(after),
    ip: caller.ip,
    ...changedFields(settingsOf(before), settingsOf(after)),
  });
  return after;
}
