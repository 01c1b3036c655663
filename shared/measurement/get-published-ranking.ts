import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { PublishedRanking } from './measurement';
import { findPublishedRanking } from './measurement-store';

/** The public ranking of a year (anyone): the frozen snapshot, only institutions that opted in; 404 until published. */
export async function getPublishedRanking(
  deps: Pick<Deps, 'store'>,
  input: { year: number },
): Promise<PublishedRanking> {
  const ranking = await findPublishedRanking(deps.store, input.year);
  if (!ranking) throw new AppError('NOT_FOUND', `No published measurement for ${input.year}`);
  return ranking;
}
