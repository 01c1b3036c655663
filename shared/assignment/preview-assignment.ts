import type { Deps } from '../deps';
import type { AssignmentMode } from './model';
import { proposalView, proposeAssignment } from './propose-assignment';

export interface PreviewAssignmentInput {
  editionId: string;
  mode: AssignmentMode;
}

/** The proposed assignment, nothing written: what the organizer reviews before committing. */
export async function previewAssignment(deps: Pick<Deps, 'store'>, input: PreviewAssignmentInput) {
  return proposalView(await proposeAssignment(deps, input));
}
