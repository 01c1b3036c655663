import type { Deps } from '../deps';
import { getMeasurementOr404 } from './get-measurement';
import { findPublishedRanking } from './measurement-store';
import type { Ranking } from './ranking';
import { rankParticipants } from './rank-participants';

/**
 * The ranking the organizer would publish (organizers): computed from the participants' counts now;
 * once published, the frozen ranking instead (later answers never change it).
 */
export async function previewMeasurement(deps: Pick<Deps, 'store'>, input: { year: number }): Promise<Ranking> {
  const measurement = await getMeasurementOr404(deps, input.year);
  if (measurement.status === 'published') {
    const frozen = await findPublishedRanking(deps.store, input.year);
    if (frozen) return frozen;
  }
  return rankParticipants(deps, measurement);
}
