import type { ApplicationHeader } from '../applications/application';
import { getHeader } from '../applications/application-read-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import type { ApplicationResult } from './results';
import { findApplicationResult } from './results-store';

export type OwnResult =
  | { status: 'pending'; editionState: string }
  | {
      status: 'ready';
      result: Omit<ApplicationResult, 'institution'> & { institution: { name: string; town: string } };
    };

/**
 * An institution's own result (issue 14 §6), private to it and to organizers: before publication only
 * "pending"; after, the outcome, place, per-area % beside the edition's median, the experts' feedback
 * without names and, for a laureate, its fee. Nobody else's result is in it.
 */
export async function getOwnResult(
  deps: Pick<Deps, 'store'>,
  input: { applicationId: string; header?: ApplicationHeader },
): Promise<OwnResult> {
  const header = input.header ?? (await getHeader(deps.store, input.applicationId));
  const [edition, result] = await Promise.all([
    getEdition(deps.store, header.editionId),
    findApplicationResult(deps.store, header.applicationId),
  ]);
  if (edition.state !== 'published' && edition.state !== 'archived')
    return { status: 'pending', editionState: edition.state };
  if (!result) {
    if (header.status !== 'accepted') throw new AppError('NOT_FOUND', 'This application took no part in the results');
    return { status: 'pending', editionState: edition.state };
  }
  const { institution, ...rest } = result;
  return { status: 'ready', result: { ...rest, institution: { name: institution.name, town: institution.town } } };
}
