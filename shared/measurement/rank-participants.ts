import type { Deps } from '../deps';
import { findInstitutions } from '../institutions/institution-store';
import { institutionTypes } from '../institutions/institution';
import type { Measurement } from './measurement';
import { findPublishedRanking, listParticipants, participantCounts } from './measurement-store';
import { computeRanking, type ParticipantCounts, type Ranking } from './ranking';
import { yearHistograms } from './year-histograms';

/** Participants whose figures are read at once (each is one Query and one BatchGet). */
const CONCURRENCY = 8;

/**
 * The year's ranking as it stands now: only the institutions that opted in are read — a non-participant's
 * surveys are never touched (issue 18, Access) — each by its surveys' counts items (no answers, no Scan),
 * with its current name and type; movement against the previous year's published ranking.
 */
export async function rankParticipants(deps: Pick<Deps, 'store'>, measurement: Measurement): Promise<Ranking> {
  const [participants, previous] = await Promise.all([
    listParticipants(deps.store, measurement.year),
    findPublishedRanking(deps.store, measurement.year - 1),
  ]);
  const institutions = new Map(
    (
      await findInstitutions(
        deps.store,
        participants.map((p) => p.institutionId),
      )
    ).map((i) => [i.institutionId, i]),
  );
  const counted: ParticipantCounts[] = [];
  for (let i = 0; i < participants.length; i += CONCURRENCY) {
    const batch = participants.slice(i, i + CONCURRENCY);
    counted.push(
      ...(await Promise.all(
        batch.map(async (p): Promise<ParticipantCounts> => {
          const institution = institutions.get(p.institutionId);
          return {
            institutionId: p.institutionId,
            name: institution?.name ?? p.institutionName,
            type: institution?.type ?? 'other',
            histograms: yearHistograms(
              await participantCounts(deps.store, p.institutionId, measurement.year),
              measurement.year,
            ),
          };
        }),
      )),
    );
  }
  return computeRanking({
    year: measurement.year,
    minAnswers: measurement.minAnswers,
    participants: counted,
    previous,
    typeOrder: institutionTypes,
  });
}
