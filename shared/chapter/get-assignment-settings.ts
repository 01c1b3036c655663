import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import type { AssignmentSettings } from './chapter';
import { getAssignmentSettingsOrDefault } from './chapter-store';

export interface GetAssignmentSettingsInput {
  editionId: string;
}

/** The edition's assignment settings (the defaults until first saved); 404 for an edition that does not exist. */
export async function getAssignmentSettings(
  deps: Pick<Deps, 'store'>,
  input: GetAssignmentSettingsInput,
): Promise<AssignmentSettings> {
  const [, settings] = await Promise.all([
    getEdition(deps.store, input.editionId),
    getAssignmentSettingsOrDefault(deps.store, input.editionId, true),
  ]);
  return settings;
}
