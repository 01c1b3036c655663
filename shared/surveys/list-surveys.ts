import type { Deps } from '../deps';
import type { Page } from '../store/store';
import type { Survey } from './survey';
import { listInstitutionSurveys } from './survey-store';

/** The institution's surveys, newest first, a page at a time (its staff only: the route's policy). */
export async function listSurveys(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string; limit: number; cursor?: string },
): Promise<Page<Survey>> {
  return listInstitutionSurveys(deps.store, input.institutionId, { limit: input.limit, cursor: input.cursor });
}
