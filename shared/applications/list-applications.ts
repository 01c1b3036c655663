import type { InstitutionType, Voivodeship } from '../institutions/institution';
import type { Condition, Page } from '../store/store';
import { keys } from '../store/keys';
import { applicationStatuses, searchKey, type ApplicationHeader, type ApplicationStatus } from './application';
import { toHeader } from './application-store';
import type { Deps } from '../deps';

export interface EditionApplicationsQuery {
  status?: ApplicationStatus;
  category?: InstitutionType;
  voivodeship?: Voivodeship;
  /** Part of the institution's name, any case, with or without Polish letters. */
  q?: string;
  cursor?: string;
  limit: number;
}

/**
 * The organizer's list of an edition's applications: a Query of gsi2 (never a Scan), the status as
 * a key prefix, category / voivodeship / name as filters. Filtered pages are topped up from the
 * following key range (a bounded number of reads), so a page is short only at the end.
 */
export async function listEditionApplications(
  deps: Pick<Deps, 'store'>,
  editionId: string,
  query: EditionApplicationsQuery,
): Promise<Page<ApplicationHeader>> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  if (query.category) {
    names['#type'] = 'type';
    names['#institution'] = 'institution';
    values[':type'] = query.category;
    parts.push('#institution.#type = :type');
  }
  if (query.voivodeship) {
    names['#voivodeship'] = 'voivodeship';
    names['#institution'] = 'institution';
    values[':voivodeship'] = query.voivodeship;
    parts.push('#institution.#voivodeship = :voivodeship');
  }
  const needle = query.q ? searchKey(query.q) : '';
  if (needle) {
    values[':q'] = needle;
    parts.push('contains(searchName, :q)');
  }
  const filter: Condition | undefined = parts.length
    ? { expression: parts.join(' AND '), names: Object.keys(names).length ? names : undefined, values }
    : undefined;
  const items: ApplicationHeader[] = [];
  let cursor = query.cursor;
  for (let reads = 0; reads < 10; reads++) {
    const page = await deps.store.query({
      index: 'gsi2',
      partitionKey: keys.editionApplications(editionId),
      sortKeyPrefix: query.status ? `${query.status}#` : undefined,
      filter,
      limit: query.limit - items.length,
      cursor,
    });
    items.push(...page.items.map(toHeader));
    cursor = page.cursor ?? undefined;
    if (!cursor || items.length >= query.limit || !filter) return { items, cursor: cursor ?? null };
  }
  return { items, cursor: cursor ?? null };
}

/** Applications per status for the edition dashboard: one COUNT query per status. */
export async function countApplications(
  deps: Pick<Deps, 'store'>,
  editionId: string,
): Promise<Record<ApplicationStatus, number>> {
  const counts = await Promise.all(
    applicationStatuses.map((s) =>
      deps.store.count({ index: 'gsi2', partitionKey: keys.editionApplications(editionId), sortKeyPrefix: `${s}#` }),
    ),
  );
  return Object.fromEntries(applicationStatuses.map((s, i) => [s, counts[i]!])) as Record<ApplicationStatus, number>;
}

/** The institution's own applications, newest edition first. */
export async function listInstitutionApplications(
  deps: Pick<Deps, 'store'>,
  institutionId: string,
): Promise<ApplicationHeader[]> {
  const page = await deps.store.query({
    index: 'gsi1',
    partitionKey: keys.institutionApplications(institutionId),
    limit: 100,
    descending: true,
  });
  return page.items.map(toHeader);
}
