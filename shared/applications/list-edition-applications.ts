import type { Deps } from '../deps';
import type { Page } from '../store/store';
import type { ApplicationHeader } from './application';
import { type EditionApplicationsFilter, queryEditionApplications } from './application-list-store';

export type ListEditionApplicationsDeps = Pick<Deps, 'store'>;

/** The edition, and the filter (status, category, voivodeship, part of the name) with the page. */
export type ListEditionApplicationsInput = EditionApplicationsFilter & { editionId: string };

/**
 * The organizer's list of an edition's applications: a Query (never a Scan), the status as a key
 * prefix, category / voivodeship / name as filters, pages topped up so a page is short only at the end.
 */
export async function listEditionApplications(
  deps: ListEditionApplicationsDeps,
  input: ListEditionApplicationsInput,
): Promise<Page<ApplicationHeader>> {
  const { editionId, ...filter } = input;
  return queryEditionApplications(deps.store, editionId, filter);
}
