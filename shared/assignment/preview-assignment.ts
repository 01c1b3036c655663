import type { AppDeps } from '../http/deps';
import type { AssignmentMode } from './model';
import { proposalView, proposeAssignment } from './propose-assignment';

/** The proposed assignment, nothing written: what the organizer reviews before committing. */
export async function previewAssignment(deps: Pick<AppDeps, 'store'>, editionId: string, mode: AssignmentMode) {
  return proposalView(await proposeAssignment(deps, editionId, mode));
}
