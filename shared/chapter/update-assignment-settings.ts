import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { getHead } from '../assignment/assignment-store';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import { editionSubject, findEdition, getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import type { AssignmentSettings, AssignmentSettingsInput } from './chapter';
import { getAssignmentSettingsOrDefault, putAssignmentSettings, settingsChanged } from './chapter-store';

export type UpdateAssignmentSettingsInput = AssignmentSettingsInput & {
  caller: Caller;
  editionId: string;
};

/** Conflict rules, affinity weights, balance and the bidding window of an edition. Versioned, audited. */
export async function updateAssignmentSettings(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: UpdateAssignmentSettingsInput,
): Promise<AssignmentSettings> {
  const { caller, editionId, version, ...fields } = input;
  const [edition, current, actor, head] = await Promise.all([
    getEdition(deps.store, editionId),
    getAssignmentSettingsOrDefault(deps.store, editionId, true),
    callerActor(deps.store, caller),
    getHead(deps.store, editionId),
  ]);
  if ((version ?? 0) !== current.version) throw settingsChanged();
  if (fields.bidding && Date.parse(fields.bidding.closesAt) <= Date.parse(fields.bidding.opensAt)) {
    throw new AppError('VALIDATION_FAILED', 'Bidding window', {
      fields: {
        'bidding.closesAt': {
          pl: 'Koniec zgłaszania preferencji musi być po jego początku.',
          en: 'Bidding must close after it opens.',
        },
      },
    });
  }
  if (fields.previousEditionId) {
    const previous =
      fields.previousEditionId === editionId ? null : await findEdition(deps.store, fields.previousEditionId);
    if (!previous)
      throw new AppError('VALIDATION_FAILED', 'No previous edition', {
        fields: {
          previousEditionId: { pl: 'Wybierz inną, istniejącą edycję.', en: 'Choose another, existing edition.' },
        },
      });
  }
  const next: AssignmentSettings = { ...fields, version: current.version + 1 };
  const { before, after } = changedFields({ ...current }, { ...next });
  await putAssignmentSettings(deps, {
    editionId,
    settings: next,
    previousVersion: current.version,
    head,
    audit: {
      action: 'assignment.settingsUpdated',
      actor,
      subject: editionSubject(edition),
      ip: caller.ip,
      before,
      after,
    },
  });
  return next;
}
