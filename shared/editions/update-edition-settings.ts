import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-store';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import { type Edition, editable, EditionSettings, timelineProblems } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';

export type UpdateEditionSettingsDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** The new settings, the version they were edited from, the edition and who is asking. */
export type UpdateEditionSettingsInput = EditionSettings & { caller: Caller; editionId: string; version: number };

/** Only the settings (what this use case edits), for the audit's before/after. */
const settingsOf = (e: Edition): Record<string, unknown> =>
  Object.fromEntries(Object.keys(EditionSettings.shape).map((k) => [k, e[k as keyof Edition]]));

/** Settings (name, timeline, categories, threshold, fees…) while the edition is a draft or open; versioned. */
export async function updateEditionSettings(
  deps: UpdateEditionSettingsDeps,
  input: UpdateEditionSettingsInput,
): Promise<Edition> {
  const { caller, editionId, version, ...settings } = input;
  const [before, actor] = await Promise.all([getEdition(deps.store, editionId), callerActor(deps.store, caller)]);
  if (!editable.settings(before.state)) {
    throw invalidState({
      pl: 'Ustawienia edycji można zmieniać tylko przed rozpoczęciem oceny.',
      en: 'Edition settings can change only before review starts.',
    });
  }
  const problem = problemsError(timelineProblems(settings.timeline));
  if (problem) throw problem;
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
