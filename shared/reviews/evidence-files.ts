import { type Caller, signedIn } from '../access/caller';
import { kindList, mb } from '../applications/attachments';
import type { Deps } from '../deps';
import type { MysteryShopperChannel } from '../editions/rubric';
import { AppError } from '../errors';
import { assertScoringOpen, assignedApplication } from './review-access';
import { enabledChannels } from './scoring';
import { findSheet, listEvidence, type StoredEvidence } from './sheet-store';
import { evidenceKinds } from './evidence';

/** A 400 naming the contact's evidence field, in both languages. */
export const evidenceProblem = (channel: string, message: { pl: string; en: string }) =>
  new AppError('VALIDATION_FAILED', message.en, {
    fields: { [`contacts.${channel}.evidence`]: message },
    detail: message,
  });

export const evidenceTypesMessage = () => ({
  pl: `Dozwolone rodzaje plików: ${kindList(evidenceKinds)}.`,
  en: `Allowed file types: ${kindList(evidenceKinds)}.`,
});

export const tooLarge = (size: number, limit: number) => ({
  pl: `Plik ma ${mb(size)}, a limit to ${mb(limit)}.`,
  en: `The file is ${mb(size)}; the limit is ${mb(limit)}.`,
});

/**
 * What every evidence use case starts from: the caller's assigned pair (404 otherwise), scoring open
 * for changes, the expert's own draft sheet, and their evidence of this application.
 */
export async function evidenceContext(
  deps: Pick<Deps, 'store'>,
  input: { caller: Caller; editionId: string; applicationId: string },
  options: { change: boolean },
) {
  const me = signedIn(input.caller);
  const { edition } = await assignedApplication(deps, { ...input, expertId: me.userId });
  if (options.change) assertScoringOpen(edition);
  const [sheet, evidence] = await Promise.all([
    findSheet(deps.store, input.applicationId, me.userId, true),
    listEvidence(deps.store, input.applicationId, me.userId),
  ]);
  if (options.change && !sheet) {
    throw new AppError('INVALID_STATE', 'No draft yet', {
      detail: {
        pl: 'Najpierw zapisz kartę ocen (wystarczy jedna zmiana), potem dołącz plik.',
        en: 'Save the score sheet first (one change is enough), then attach the file.',
      },
    });
  }
  return { expertId: me.userId, edition, sheet, evidence };
}

export const channelEnabled = (
  edition: { rubric: Parameters<typeof enabledChannels>[0] },
  channel: string,
): channel is MysteryShopperChannel => enabledChannels(edition.rubric).some((c) => c.channel === channel);

export const findEvidence = (evidence: StoredEvidence[], fileId: string) => {
  const found = evidence.find((e) => e.fileId === fileId);
  if (!found) throw new AppError('NOT_FOUND', `No evidence ${fileId}`);
  return found;
};
