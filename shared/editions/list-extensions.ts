import type { Extension } from '../applications/application';
import { keys } from '../store/keys';
import type { Deps } from '../deps';

export async function listExtensions(deps: Pick<Deps, 'store'>, editionId: string): Promise<Extension[]> {
  const items = await deps.store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.extensionPrefix,
  });
  return items.map(({ pk: _a, sk: _b, entity: _c, ...e }) => e as unknown as Extension);
}
