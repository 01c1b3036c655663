import type { Extension } from '../applications/application';
import type { AppDeps } from '../http/deps';
import { keys } from '../store/keys';

export async function listExtensions(deps: Pick<AppDeps, 'store'>, editionId: string): Promise<Extension[]> {
  const items = await deps.store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.extensionPrefix,
  });
  return items.map(({ pk: _a, sk: _b, entity: _c, ...e }) => e as unknown as Extension);
}
