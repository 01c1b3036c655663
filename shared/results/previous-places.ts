import type { Store } from '../store/store';
import type { Edition } from '../editions/edition';
import { listInstitutionResults } from './results-store';
import { compareCodeUnits } from '../text/polish-order';

/**
 * Each institution's place at its previous participation (its newest result of an earlier edition),
 * for the movement "awans o 3 miejsca" (issue 14 §8). One Query of the institution's history each,
 * twenty at a time.
 */
export async function previousPlaces(store: Store, edition: Edition, institutionIds: string[]) {
  const places = new Map<string, number>();
  const ids = [...new Set(institutionIds)];
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids.slice(i, i + 20).map(async (id) => {
        const earlier = (await listInstitutionResults(store, id)).find(
          (r) => r.editionId !== edition.editionId && r.edition.year <= edition.year,
        );
        if (earlier) places.set(id, earlier.place);
      }),
    );
  }
  return places;
}

/** The institutions that were laureates of the newest other published edition before this one (fee discount). */
export function previousEditionOf<T extends { editionId: string; year: number; publishedAt: string }>(
  edition: Edition,
  published: T[],
): T | undefined {
  return published
    .filter((p) => p.editionId !== edition.editionId && p.year <= edition.year)
    .sort((a, b) => b.year - a.year || compareCodeUnits(b.publishedAt, a.publishedAt))[0];
}
