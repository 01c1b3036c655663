import type { Principal } from '../access/principal';
import { AppError } from '../errors';
import type { Page } from '../store/store';
import { keys } from '../store/keys';
import type { Edition } from './edition';
import { getEdition, toEdition } from './edition-store';
import { maxTotal } from './rubric';
import type { Deps } from '../deps';

export type EditionSummary = Pick<
  Edition,
  'editionId' | 'name' | 'number' | 'year' | 'state' | 'timeline' | 'categories'
> & { maxTotal: number };

const summary = (e: Edition): EditionSummary => ({
  editionId: e.editionId,
  name: e.name,
  number: e.number,
  year: e.year,
  state: e.state,
  timeline: e.timeline,
  categories: e.categories,
  maxTotal: maxTotal(e.rubric),
});

const isOrganizer = (p: Principal) => p.kind === 'user' && p.roles.includes('organizer');

/** Newest first. Organizers see every edition; others never see drafts. */
export async function listEditions(
  deps: Pick<Deps, 'store'>,
  principal: Principal,
  input: { cursor?: string; limit: number },
): Promise<Page<EditionSummary>> {
  const page = await deps.store.query({
    index: 'gsi1',
    partitionKey: keys.editions(),
    limit: input.limit,
    cursor: input.cursor,
    descending: true,
  });
  const editions = page.items.map(toEdition).filter((e) => isOrganizer(principal) || e.state !== 'draft');
  return { items: editions.map(summary), cursor: page.cursor };
}

/** One edition; a draft exists only for organizers (others get 404, as for a missing one). */
export async function viewEdition(
  deps: Pick<Deps, 'store'>,
  principal: Principal,
  editionId: string,
): Promise<Edition & { maxTotal: number }> {
  const edition = await getEdition(deps.store, editionId);
  if (edition.state === 'draft' && !isOrganizer(principal)) throw new AppError('NOT_FOUND', `No edition ${editionId}`);
  return { ...edition, maxTotal: maxTotal(edition.rubric) };
}
