import type { Deps } from '../deps';
import type { MeasurementStatus } from './measurement';
import { findParticipations, listMeasurements } from './measurement-store';

export interface InstitutionMeasurement {
  year: number;
  status: MeasurementStatus;
  minAnswers: number;
  participating: boolean;
  optedInAt?: string;
}

/** The measurements an institution may join or has joined, with its own participation (its staff). */
export async function listInstitutionMeasurements(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string },
): Promise<{ items: InstitutionMeasurement[] }> {
  const measurements = await listMeasurements(deps.store);
  const mine = new Map(
    (
      await findParticipations(
        deps.store,
        input.institutionId,
        measurements.map((m) => m.year),
      )
    ).map((p) => [p.year, p]),
  );
  return {
    items: measurements.map((m) => {
      const p = mine.get(m.year);
      return {
        year: m.year,
        status: m.status,
        minAnswers: m.minAnswers,
        participating: p !== undefined,
        ...(p ? { optedInAt: p.optedInAt } : {}),
      };
    }),
  };
}
