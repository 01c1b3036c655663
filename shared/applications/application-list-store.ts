import type { InstitutionType, Voivodeship } from '../institutions/institution';
import { keys } from '../store/keys';
import type { Condition, Page, Store } from '../store/store';
import { type ApplicationHeader, type ApplicationStatus, applicationStatuses, searchKey } from './application';
import { toHeader } from './application-read-store';

/**
 * Lists of application headers: an institution's (gsi1, by edition) and an edition's (gsi2, sorted by
 * status then name — see `editionListKey` — so a status filter is a key prefix). Never a Scan.
 */

export interface EditionApplicationsFilter {
  status?: ApplicationStatus;
  category?: InstitutionType;
  voivodeship?: Voivodeship;
  /** Part of the institution's name, any case, with or without Polish letters. */
  q?: string;
  cursor?: string;
  limit: number;
}

/** Category, voivodeship and name as a FilterExpression over the header (undefined when none is asked). */
function headerFilter(filter: EditionApplicationsFilter): Condition | undefined {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  if (filter.category) {
    names['#type'] = 'type';
    names['#institution'] = 'institution';
    values[':type'] = filter.category;
    parts.push('#institution.#type = :type');
  }
  if (filter.voivodeship) {
    names['#voivodeship'] = 'voivodeship';
    names['#institution'] = 'institution';
    values[':voivodeship'] = filter.voivodeship;
    parts.push('#institution.#voivodeship = :voivodeship');
  }
  const needle = filter.q ? searchKey(filter.q) : '';
  if (needle) {
    values[':q'] = needle;
    parts.push('contains(searchName, :q)');
  }
  return parts.length
    ? { expression: parts.join(' AND '), names: Object.keys(names).length ? names : undefined, values }
    : undefined;
}

/**
 * A page of an edition's applications: a Query of gsi2, the status as a key prefix, the rest as a
 * filter. Filtered pages are topped up from the following key range (at most ten reads), so a page
 * is short only at the end.
 */
export async function queryEditionApplications(
  store: Store,
  editionId: string,
  filter: EditionApplicationsFilter,
): Promise<Page<ApplicationHeader>> {
  const condition = headerFilter(filter);
  const items: ApplicationHeader[] = [];
  let cursor = filter.cursor;
  for (let reads = 0; reads < 10; reads++) {
    const page = await store.query({
      index: 'gsi2',
      partitionKey: keys.editionApplications(editionId),
      sortKeyPrefix: filter.status ? `${filter.status}#` : undefined,
      filter: condition,
      limit: filter.limit - items.length,
      cursor,
    });
    items.push(...page.items.map(toHeader));
    cursor = page.cursor ?? undefined;
    if (!cursor || items.length >= filter.limit || !condition) return { items, cursor: cursor ?? null };
  }
  return { items, cursor: cursor ?? null };
}

/** Every application header of an edition (an export's rows): all of gsi2's partition. */
export async function listEditionHeaders(store: Store, editionId: string): Promise<ApplicationHeader[]> {
  const items = await store.queryAll({ index: 'gsi2', partitionKey: keys.editionApplications(editionId) });
  return items.map(toHeader);
}

/** Applications per status: one COUNT query per status prefix of gsi2. */
export async function countByStatus(store: Store, editionId: string): Promise<Record<ApplicationStatus, number>> {
  const counts = await Promise.all(
    applicationStatuses.map((s) =>
      store.count({ index: 'gsi2', partitionKey: keys.editionApplications(editionId), sortKeyPrefix: `${s}#` }),
    ),
  );
  return Object.fromEntries(applicationStatuses.map((s, i) => [s, counts[i] ?? 0])) as Record<
    ApplicationStatus,
    number
  >;
}

/** An institution's applications, newest edition first (gsi1). */
export async function listInstitutionHeaders(store: Store, institutionId: string): Promise<ApplicationHeader[]> {
  const page = await store.query({
    index: 'gsi1',
    partitionKey: keys.institutionApplications(institutionId),
    limit: 100,
    descending: true,
  });
  return page.items.map(toHeader);
}
