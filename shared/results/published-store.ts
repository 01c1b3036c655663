import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store } from '../store/store';
import { PublishedVersion } from './results';

/*
 * Reading published results versions, apart from results-store: the public results pages read only
 * these, and results-store's writes bring the edition's store and schemas (~500 zod schemas built on
 * load) and the audit with them.
 */

const toVersion = (item: Record<string, unknown>) => parseItem(PublishedVersion, item, 'results version');

/** Every published version of an edition, oldest first. */
export async function listVersions(store: Store, editionId: string): Promise<PublishedVersion[]> {
  const items = await store.queryAll({
    partitionKey: keys.snapshotPartition(editionId),
    sortKeyPrefix: keys.snapshotPrefix,
  });
  return items.map(toVersion);
}

export async function findVersion(store: Store, editionId: string, version: number, consistent = false) {
  const item = await store.get(keys.snapshot(editionId, version), { consistent });
  return item ? toVersion(item) : null;
}

/** Every published version of every edition (gsi1, a handful a year), newest first. */
export async function listAllVersions(store: Store): Promise<PublishedVersion[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.publishedResults(), descending: true }, 5000);
  return items.map(toVersion);
}
