import type { ApplicationHeader } from '../applications/application';
import { findHeader } from '../applications/application-read-store';
import { findExpertAssignment } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';

/**
 * The one rule of what an expert may read and score: an application of this edition in their
 * committed assignment, not flagged by a conflict. Anything else — another expert's application, a
 * flagged pair, another edition's id — is 404, exactly like an id that does not exist.
 */
export async function assignedApplication(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; applicationId: string; expertId: string },
): Promise<{ header: ApplicationHeader; edition: Edition }> {
  const { mine } = await findExpertAssignment(deps.store, input.editionId, input.expertId);
  const pair = mine?.pairs.find((p) => p.applicationId === input.applicationId && !p.flagged);
  const header = pair ? await findHeader(deps.store, input.applicationId) : null;
  if (!pair || !header || header.editionId !== input.editionId) {
    throw new AppError('NOT_FOUND', 'Not an application assigned to you');
  }
  return { header, edition: await getEdition(deps.store, input.editionId) };
}

/** Scoring happens while the edition is in review; before and after, sheets are read-only. */
export function assertScoringOpen(edition: Edition): void {
  if (edition.state !== 'review') {
    throw new AppError('INVALID_STATE', `Edition is ${edition.state}`, {
      detail: {
        pl: 'Ocenianie jest możliwe tylko na etapie oceny Kapituły.',
        en: 'Scores can be entered only while the chapter is reviewing.',
      },
    });
  }
}
