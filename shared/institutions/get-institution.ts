import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Institution } from './institution';
import { findInstitution } from './institution-store';

export type GetInstitutionDeps = Pick<Deps, 'store'>;

export interface GetInstitutionInput {
  institutionId: string;
  /** Strongly consistent (a read that decides a write). */
  consistent?: boolean;
}

/** The institution's profile; 404 when there is none. */
export async function getInstitution(deps: GetInstitutionDeps, input: GetInstitutionInput): Promise<Institution> {
  const institution = await findInstitution(deps.store, input.institutionId, input.consistent);
  if (!institution) throw new AppError('NOT_FOUND', `No institution ${input.institutionId}`);
  return institution;
}
