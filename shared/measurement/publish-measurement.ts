import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { getMeasurementOr404 } from './get-measurement';
import type { PublishedRanking } from './measurement';
import { savePublication } from './measurement-store';
import { rankParticipants } from './rank-participants';

/**
 * The organizer publishes the year's ranking (issue 18 §4): computed now and frozen in a snapshot item,
 * so answers given later never change it; participation can no longer change. Audited. Once only.
 */
export async function publishMeasurement(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { caller: Caller; year: number },
): Promise<PublishedRanking> {
  signedIn(input.caller);
  const measurement = await getMeasurementOr404(deps, input.year, true);
  if (measurement.status !== 'open')
    throw new AppError('INVALID_STATE', `The ${input.year} measurement is already published`);
  const ranking: PublishedRanking = {
    ...(await rankParticipants(deps, measurement)),
    publishedAt: deps.clock.now().toISOString(),
  };
  const actor = await callerActor(deps.store, input.caller);
  const entries = ranking.types.flatMap((t) => t.entries);
  await savePublication(
    deps.store,
    measurement,
    ranking,
    actor.label,
    auditPut(deps, {
      action: 'measurement.published',
      actor,
      subject: { type: 'measurement', id: String(input.year) },
      ip: input.caller.ip,
      before: { status: 'open' },
      after: { status: 'published' },
      details: { participants: entries.length, ranked: entries.filter((e) => e.overall).length },
    }),
  );
  return ranking;
}
