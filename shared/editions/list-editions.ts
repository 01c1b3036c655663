import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import type { Page } from '../store/store';
import { seesDrafts } from './edition';
import { type ListedEdition, listEditionPage } from './edition-read-store';
import { maxTotal } from './rubric';

export type ListEditionsDeps = Pick<Deps, 'store'>;

export interface ListEditionsInput {
  caller: Caller;
  cursor?: string;
  limit: number;
}

export type EditionSummary = Omit<ListedEdition, 'rubric'> & { maxTotal: number };

const summary = (e: ListedEdition): EditionSummary => ({
  editionId: e.editionId,
  name: e.name,
  number: e.number,
  year: e.year,
  state: e.state,
  timeline: e.timeline,
  categories: e.categories,
  maxTotal: maxTotal(e.rubric),
});

/** Newest first. Organizers see every edition; others never see drafts. */
export async function listEditions(deps: ListEditionsDeps, input: ListEditionsInput): Promise<Page<EditionSummary>> {
  const page = await listEditionPage(deps.store, { cursor: input.cursor, limit: input.limit });
  const visible = page.items.filter((e) => e.state !== 'draft' || seesDrafts(input.caller.principal));
  return { items: visible.map(summary), cursor: page.cursor };
}
