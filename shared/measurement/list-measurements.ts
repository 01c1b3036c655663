import type { Deps } from '../deps';
import type { Measurement } from './measurement';
import { listMeasurements as listAll } from './measurement-store';

/** Every year's measurement, newest first (organizers). */
export async function listMeasurements(deps: Pick<Deps, 'store'>): Promise<{ items: Measurement[] }> {
  return { items: await listAll(deps.store) };
}
