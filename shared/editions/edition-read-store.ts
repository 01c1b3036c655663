import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Page, Store } from '../store/store';
import { Edition } from './edition';

/**
 * Reading editions, apart from edition-store's writes: the editions list and the autosave need only
 * this, not the audit store every write goes through (docs/performance.md, "keeping the budget").
 */
export const toEdition = (item: Record<string, unknown>): Edition => parseItem(Edition, item, 'edition');

export async function findEdition(store: Store, editionId: string, consistent = false): Promise<Edition | null> {
  const item = await store.get(keys.edition(editionId), { consistent });
  return item ? toEdition(item) : null;
}

/** Every edition (a handful a year, one gsi1 partition): for jobs that look at the editions in a state. */
export async function allEditions(store: Store): Promise<Edition[]> {
  return (await store.queryAll({ index: 'gsi1', partitionKey: keys.editions() }, 1000)).map(toEdition);
}

export async function getEdition(store: Store, editionId: string, consistent = false): Promise<Edition> {
  const edition = await findEdition(store, editionId, consistent);
  if (!edition) throw new AppError('NOT_FOUND', `No edition ${editionId}`);
  return edition;
}

/** A page of editions, newest first (a handful a year: one partition of gsi1). */
export async function listEditionPage(store: Store, page: { cursor?: string; limit: number }): Promise<Page<Edition>> {
  const found = await store.query({
    index: 'gsi1',
    partitionKey: keys.editions(),
    limit: page.limit,
    cursor: page.cursor,
    descending: true,
  });
  return { items: found.items.map(toEdition), cursor: found.cursor };
}
