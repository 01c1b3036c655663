import { AppError } from '../errors';
import { keys } from '../store/keys';
import { type Store, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import type { SectionAnswers } from './application';
import { editableCheck, notEditable, toSection } from './application-read-store';

/** A section's saved answers: one item per section in the application's partition, versioned. */
export function sectionItem(applicationId: string, saved: SectionAnswers) {
  return { ...keys.section(applicationId, saved.sectionId), entity: 'section', ...saved };
}

const staleSection = {
  pl: 'Tę część zapisano w międzyczasie (np. w innej karcie). Twoje odpowiedzi są zachowane w przeglądarce — porównaj je z zapisanymi i zapisz ponownie.',
  en: 'This section was saved meanwhile (e.g. in another tab). Your answers are kept in the browser — compare them with the saved ones and save again.',
};

/**
 * Writes a section's answers from the version they were read at (0: never saved), only while the
 * application is editable — one transaction. A newer save in between is 409 STALE_VERSION naming
 * `version`; a submitted application is 409 INVALID_STATE.
 */
export async function putSection(
  store: Store,
  applicationId: string,
  saved: SectionAnswers,
  readVersion: number,
): Promise<void> {
  const versionCheck =
    readVersion === 0
      ? { expression: 'attribute_not_exists(pk)' }
      : { expression: 'version = :v', values: { ':v': readVersion } };
  try {
    await store.transact([editableCheck(applicationId), tx.put(sectionItem(applicationId, saved), versionCheck)]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(1))
      throw new AppError('STALE_VERSION', 'Section saved meanwhile', {
        fields: { version: staleSection },
        detail: staleSection,
        cause: error,
      });
    if (failed.includes(0)) throw notEditable('submitted');
    throw error;
  }
}

/** One section's saved answers, or null before its first save (a GetItem: the evidence's frozen snapshots). */
export async function findSection(
  store: Store,
  applicationId: string,
  sectionId: string,
): Promise<SectionAnswers | null> {
  const item = await store.get(keys.section(applicationId, sectionId));
  return item ? toSection(item) : null;
}
