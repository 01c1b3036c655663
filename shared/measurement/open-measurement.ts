import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { defaultMinAnswers, type Measurement, type OpenMeasurementInput } from './measurement';
import { putNewMeasurement } from './measurement-store';

/**
 * An organizer opens the standard measurement of a calendar year (issue 18 §4): from now on
 * institutions may opt in. A year has one measurement (409 when opened again). Audited.
 */
export async function openMeasurement(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { caller: Caller } & OpenMeasurementInput,
): Promise<Measurement> {
  signedIn(input.caller);
  const actor = await callerActor(deps.store, input.caller);
  const measurement: Measurement = {
    year: input.year,
    status: 'open',
    minAnswers: input.minAnswers ?? defaultMinAnswers,
    openedAt: deps.clock.now().toISOString(),
    openedBy: actor.label,
    version: 1,
  };
  await putNewMeasurement(
    deps.store,
    measurement,
    auditPut(deps, {
      action: 'measurement.opened',
      actor,
      subject: { type: 'measurement', id: String(input.year) },
      ip: input.caller.ip,
      after: { year: measurement.year, minAnswers: measurement.minAnswers },
    }),
  );
  return measurement;
}
