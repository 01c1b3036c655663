import type { Deps } from '../deps';
import type { ApplicationHeader } from './application';
import { listInstitutionHeaders } from './application-list-store';

export type ListInstitutionApplicationsDeps = Pick<Deps, 'store'>;

export interface ListInstitutionApplicationsInput {
  institutionId: string;
}

/** The institution's own applications, newest edition first. */
export async function listInstitutionApplications(
  deps: ListInstitutionApplicationsDeps,
  input: ListInstitutionApplicationsInput,
): Promise<ApplicationHeader[]> {
  return listInstitutionHeaders(deps.store, input.institutionId);
}
