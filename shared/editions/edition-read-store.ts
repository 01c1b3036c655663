import { AppError } from '../errors';
import { keys } from '../store/keys';
import { attributesOf, parseItem } from '../store/parse';
import type { Page, Store } from '../store/store';
import * as z from 'zod/mini';
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

const noEdition = (editionId: string) => new AppError('NOT_FOUND', `No edition ${editionId}`);

export async function getEdition(store: Store, editionId: string, consistent = false): Promise<Edition> {
  const edition = await findEdition(store, editionId, consistent);
  if (!edition) throw noEdition(editionId);
  return edition;
}

/** What a list of editions shows of each: all but the questionnaire, which is about half of the item. */
export const ListedEdition = z.pick(Edition, {
  editionId: true,
  name: true,
  number: true,
  year: true,
  state: true,
  timeline: true,
  categories: true,
  rubric: true,
});
export type ListedEdition = z.infer<typeof ListedEdition>;

/** What checking and saving an application's answers reads of its edition: not the rubric or the settings. */
export const AnsweringEdition = z.pick(Edition, { editionId: true, state: true, timeline: true, questionnaire: true });
export type AnsweringEdition = z.infer<typeof AnsweringEdition>;

/** The edition's questionnaire and submission window, read with a projection (the autosave's read). */
export async function getAnsweringEdition(store: Store, editionId: string): Promise<AnsweringEdition> {
  const item = await store.get(keys.edition(editionId), { attributes: attributesOf(AnsweringEdition) });
  if (!item) throw noEdition(editionId);
  return parseItem(AnsweringEdition, item, 'edition');
}

/** A page of editions, newest first (a handful a year: one partition of gsi1), read without questionnaires. */
export async function listEditionPage(
  store: Store,
  page: { cursor?: string; limit: number },
): Promise<Page<ListedEdition>> {
  const found = await store.query({
    index: 'gsi1',
    partitionKey: keys.editions(),
    limit: page.limit,
    cursor: page.cursor,
    descending: true,
    attributes: attributesOf(ListedEdition),
  });
  return { items: found.items.map((item) => parseItem(ListedEdition, item, 'edition')), cursor: found.cursor };
}
