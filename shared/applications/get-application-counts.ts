import type { Deps } from '../deps';
import type { ApplicationStatus } from './application';
import { countByStatus } from './application-list-store';

export type GetApplicationCountsDeps = Pick<Deps, 'store'>;

export interface GetApplicationCountsInput {
  editionId: string;
}

/** Applications per status for the edition dashboard (every status, 0 when none). */
export async function getApplicationCounts(
  deps: GetApplicationCountsDeps,
  input: GetApplicationCountsInput,
): Promise<Record<ApplicationStatus, number>> {
  return countByStatus(deps.store, input.editionId);
}
