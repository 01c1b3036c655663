import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Measurement, Participant } from './measurement';
import { findMeasurement, listParticipants } from './measurement-store';
import { comparePolish } from '../text/polish-order';

/** A year's measurement and who opted in (organizers): names and dates only, no figures. */
export async function getMeasurement(
  deps: Pick<Deps, 'store'>,
  input: { year: number },
): Promise<{ measurement: Measurement; participants: Participant[] }> {
  const [measurement, participants] = await Promise.all([
    findMeasurement(deps.store, input.year),
    listParticipants(deps.store, input.year),
  ]);
  if (!measurement) throw new AppError('NOT_FOUND', `No measurement for ${input.year}`);
  participants.sort((a, b) => comparePolish(a.institutionName, b.institutionName));
  return { measurement, participants };
}

/** The measurement or 404. */
export async function getMeasurementOr404(deps: Pick<Deps, 'store'>, year: number, consistent = false) {
  const measurement = await findMeasurement(deps.store, year, consistent);
  if (!measurement) throw new AppError('NOT_FOUND', `No measurement for ${year}`);
  return measurement;
}
