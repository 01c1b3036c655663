import { getEdition } from '../editions/edition-store';
import type { AssignmentSettings } from './chapter';
import { getAssignmentSettings } from './chapter-store';
import type { Deps } from '../deps';

/** The edition's assignment settings (the defaults until first saved); 404 for an edition that does not exist. */
export async function viewAssignmentSettings(
  deps: Pick<Deps, 'store'>,
  editionId: string,
): Promise<AssignmentSettings> {
  const [, settings] = await Promise.all([
    getEdition(deps.store, editionId),
    getAssignmentSettings(deps.store, editionId, true),
  ]);
  return settings;
}
