import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findInstitution } from '../institutions/institution-store';
import { getMeasurementOr404 } from './get-measurement';
import { findParticipant, saveOptIn, saveOptOut } from './measurement-store';

/**
 * The institution's staff opt in to a year's measurement, or out again, until it is published
 * (issue 18 §4): only then may the organizer read its survey figures, and only opted-in institutions
 * are published. Explicit and audited; asking for the state it already has writes nothing.
 */
export async function setMeasurementParticipation(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { caller: Caller; institutionId: string; year: number; participating: boolean },
): Promise<{ year: number; participating: boolean; optedInAt?: string }> {
  signedIn(input.caller);
  const measurement = await getMeasurementOr404(deps, input.year);
  const current = await findParticipant(deps.store, input.year, input.institutionId);
  if ((current !== null) === input.participating)
    return {
      year: input.year,
      participating: input.participating,
      ...(current ? { optedInAt: current.optedInAt } : {}),
    };
  if (measurement.status !== 'open')
    throw new AppError(
      'INVALID_STATE',
      `The ${input.year} measurement is published: participation can no longer change`,
    );
  const institution = await findInstitution(deps.store, input.institutionId);
  if (!institution) throw new AppError('NOT_FOUND', 'No such institution');
  const actor = await callerActor(deps.store, input.caller);
  const audit = auditPut(deps, {
    action: input.participating ? 'measurement.optedIn' : 'measurement.optedOut',
    actor,
    subject: { type: 'institution', id: institution.institutionId, label: institution.name },
    ip: input.caller.ip,
    before: { participating: !input.participating },
    after: { participating: input.participating },
    details: { year: input.year },
  });
  if (!input.participating) {
    await saveOptOut(deps.store, input.year, input.institutionId, audit);
    return { year: input.year, participating: false };
  }
  const optedInAt = deps.clock.now().toISOString();
  await saveOptIn(
    deps.store,
    {
      year: input.year,
      institutionId: institution.institutionId,
      institutionName: institution.name,
      optedInAt,
      optedInBy: actor.label,
    },
    audit,
  );
  return { year: input.year, participating: true, optedInAt };
}
