import type { Extension } from '../applications/application';
import { listEditionExtensions } from '../applications/extension-store';
import type { Deps } from '../deps';

export type ListExtensionsDeps = Pick<Deps, 'store'>;

export interface ListExtensionsInput {
  editionId: string;
}

/** The deadline extensions granted in an edition (one per institution). */
export async function listExtensions(deps: ListExtensionsDeps, input: ListExtensionsInput): Promise<Extension[]> {
  return listEditionExtensions(deps.store, input.editionId);
}
