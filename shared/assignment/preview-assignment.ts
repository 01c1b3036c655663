import type { AssignmentMode } from './model';
import { proposalView, proposeAssignment } from './propose-assignment';
import type { Deps } from '../deps';

/** The proposed assignment, nothing written: what the organizer reviews before committing. */
export async function previewAssignment(deps: Pick<Deps, 'store'>, editionId: string, mode: AssignmentMode) {
  return proposalView(await proposeAssignment(deps, editionId, mode));
}
