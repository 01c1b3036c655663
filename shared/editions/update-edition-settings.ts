import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { changedFields } from '../audit/audit';
import { countByStatus } from '../applications/application-list-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type Edition, editable, EditionSettings, settingsProblems } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import { countPl } from '../plural';

export type UpdateEditionSettingsDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** The new settings, the version they were edited from, the edition and who is asking. */
export type UpdateEditionSettingsInput = EditionSettings & {
  caller: Caller;
  editionId: string;
  version: number;
  /**
   * Closing applications now while institutions still have drafts: the number of drafts the
   * organizer saw and confirms cutting off (must equal today's count).
   */
  confirmDrafts?: number;
};

/** Only the settings (what this use case edits), for the audit's before/after. */
const settingsOf = (e: Edition): Record<string, unknown> =>
  Object.fromEntries(Object.keys(EditionSettings.shape).map((k) => [k, e[k as keyof Edition]]));

/** Settings (name, timeline, categories, threshold, fees…) while the edition is a draft or open; versioned. */
export async function updateEditionSettings(
  deps: UpdateEditionSettingsDeps,
  input: UpdateEditionSettingsInput,
): Promise<Edition> {
  const { caller, editionId, version, confirmDrafts, ...settings } = input;
  const [before, actor] = await Promise.all([getEdition(deps.store, editionId), callerActor(deps.store, caller)]);
  if (!editable.settings(before.state)) {
    throw invalidState({
      pl: 'Ustawienia edycji można zmieniać tylko przed rozpoczęciem oceny.',
      en: 'Edition settings can change only before review starts.',
    });
  }
  const problem = problemsError(settingsProblems(settings));
  if (problem) throw problem;
  await assertDraftsConfirmed(deps, before, settings, confirmDrafts);
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

/**
 * Moving the application deadline into the past while institutions still have drafts (or applications
 * returned for correction) would cut them off unawares: a 409 naming how many, unless the organizer
 * confirms exactly that number (issue 13 §8).
 */
async function assertDraftsConfirmed(
  deps: UpdateEditionSettingsDeps,
  before: Edition,
  settings: EditionSettings,
  confirmed: number | undefined,
): Promise<void> {
  const now = deps.clock.now().getTime();
  const closesNow = Date.parse(settings.timeline.applicationsClose) <= now;
  const wasOpen = Date.parse(before.timeline.applicationsClose) > now;
  if (before.state !== 'open' || !closesNow || !wasOpen) return;
  const counts = await countByStatus(deps.store, before.editionId);
  const drafts = counts.draft + counts.returned;
  if (drafts === 0 || confirmed === drafts) return;
  const message = {
    pl: `Nowy termin naboru już minął, a ${draftsPl(drafts)}: ich autorzy nie będą mogli ich złożyć. Potwierdź zmianę (${drafts}).`,
    en: `The new application deadline has passed and ${drafts} application${drafts === 1 ? ' is' : 's are'} still unsubmitted: their authors will not be able to submit. Confirm the change (${drafts}).`,
  };
  throw new AppError('INVALID_STATE', message.en, { detail: message, fields: { confirmDrafts: message } });
}

/** "1 zgłoszenie nie zostało złożone", "2 zgłoszenia nie zostały złożone", "5 zgłoszeń nie zostało złożonych". */
export function draftsPl(n: number): string {
  return countPl(n, {
    one: 'zgłoszenie nie zostało złożone',
    few: 'zgłoszenia nie zostały złożone',
    many: 'zgłoszeń nie zostało złożonych',
  });
}
