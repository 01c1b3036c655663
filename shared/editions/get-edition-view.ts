import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type Edition, seesDrafts } from './edition';
import { getEdition } from './edition-read-store';
import { maxTotal } from './rubric';

export type GetEditionViewDeps = Pick<Deps, 'store'>;

export interface GetEditionViewInput {
  caller: Caller;
  editionId: string;
}

export type EditionView = Edition & { maxTotal: number };

/** One edition with its rubric's derived maximum; a draft exists only for organizers (others get 404, as for a missing one). */
export async function getEditionView(deps: GetEditionViewDeps, input: GetEditionViewInput): Promise<EditionView> {
  const edition = await getEdition(deps.store, input.editionId);
  if (edition.state === 'draft' && !seesDrafts(input.caller.principal))
    throw new AppError('NOT_FOUND', `No edition ${input.editionId}`);
  return { ...edition, maxTotal: maxTotal(edition.rubric) };
}
