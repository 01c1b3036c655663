import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store, TransactItem } from '../store/store';
import { tx } from '../store/store';
import { Survey } from '../surveys/survey';
import { countsOfItem, type SurveyCounts } from '../surveys/survey-counts';
import { Measurement, Participant, PublishedRanking } from './measurement';

/**
 * The standard measurement on the single table (docs/data-model.md, issue 18 §4), one partition a year:
 *  - `MEASUREMENT#<year> / MEASUREMENT`: status and minimum n; gsi1 `MEASUREMENTS` lists the years;
 *  - `MEASUREMENT#<year> / PARTICIPANT#<institutionId>`: an institution's opt-in (deleted on opt-out);
 *  - `MEASUREMENT#<year> / RANKING`: the ranking frozen at publication.
 * Figures are read from the participants' survey counts items only — never their answers.
 */
const measurementItem = (m: Measurement) => ({
  ...keys.measurement(m.year),
  entity: 'measurement',
  ...m,
  gsi1pk: keys.measurements(),
  gsi1sk: String(m.year),
});

const toMeasurement = (item: Record<string, unknown>) => parseItem(Measurement, item, 'measurement');
const toParticipant = (item: Record<string, unknown>) => parseItem(Participant, item, 'measurement participant');

/** Opening twice is refused (409 ALREADY_EXISTS): a year has one measurement. */
export async function putNewMeasurement(store: Store, measurement: Measurement, audit: TransactItem): Promise<void> {
  try {
    await store.transact([tx.put(measurementItem(measurement), { expression: 'attribute_not_exists(pk)' }), audit]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT'))
      throw new AppError('ALREADY_EXISTS', `The ${measurement.year} measurement is already open`, { cause: error });
    throw error;
  }
}

export async function findMeasurement(store: Store, year: number, consistent = false): Promise<Measurement | null> {
  const item = await store.get(keys.measurement(year), { consistent });
  return item ? toMeasurement(item) : null;
}

/** Every year's measurement, newest first (one item a year: a single page). */
export async function listMeasurements(store: Store): Promise<Measurement[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.measurements(), descending: true }, 500);
  return items.map(toMeasurement);
}

export async function listParticipants(store: Store, year: number): Promise<Participant[]> {
  const items = await store.queryAll({
    partitionKey: keys.measurementPartition(year),
    sortKeyPrefix: keys.participantPrefix,
  });
  return items.map(toParticipant);
}

/** The institution's opt-ins among these years (one BatchGet). */
export async function findParticipations(store: Store, institutionId: string, years: number[]): Promise<Participant[]> {
  if (years.length === 0) return [];
  const items = await store.batchGet(years.map((y) => keys.measurementParticipant(y, institutionId)));
  return items.map(toParticipant);
}

/**
 * The measurement must still be open (not published) for anyone to join or leave it, and every change of
 * participation moves its version: a publication computed from the participants read before the change
 * is conditioned on the older version and fails (409) rather than freeze a ranking that includes an
 * office which has just opted out, or leaves out one which has just opted in.
 */
const stillOpen = (year: number) =>
  tx.update(
    keys.measurement(year),
    { expression: 'ADD #version :one', names: { '#version': 'version' }, values: { ':one': 1 } },
    { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' } },
  );

const notOpen = (year: number, cause: unknown) =>
  new AppError('INVALID_STATE', `The ${year} measurement is published: participation can no longer change`, { cause });

/** Opt in (idempotent: a second opt-in keeps the first's record), with the audit entry, while open. */
export async function saveOptIn(store: Store, participant: Participant, audit: TransactItem): Promise<void> {
  try {
    await store.transact([
      stillOpen(participant.year),
      tx.put(
        {
          ...keys.measurementParticipant(participant.year, participant.institutionId),
          entity: 'measurementParticipant',
          ...participant,
        },
        { expression: 'attribute_not_exists(pk)' },
      ),
      audit,
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw notOpen(participant.year, error);
    throw error;
  }
}

export async function saveOptOut(
  store: Store,
  year: number,
  institutionId: string,
  audit: TransactItem,
): Promise<void> {
  try {
    await store.transact([
      stillOpen(year),
      tx.delete(keys.measurementParticipant(year, institutionId), { expression: 'attribute_exists(pk)' }),
      audit,
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw notOpen(year, error);
    throw error;
  }
}

export async function findParticipant(store: Store, year: number, institutionId: string): Promise<Participant | null> {
  const item = await store.get(keys.measurementParticipant(year, institutionId), { consistent: true });
  return item ? toParticipant(item) : null;
}

/**
 * Publication: the measurement moves open → published (on the version read) and the ranking is frozen
 * beside it, with the audit entry, in one transaction — of two publishers, the second gets 409.
 */
export async function savePublication(
  store: Store,
  measurement: Measurement,
  ranking: PublishedRanking,
  by: string,
  audit: TransactItem,
): Promise<void> {
  try {
    await store.transact([
      tx.update(
        keys.measurement(measurement.year),
        {
          expression: 'SET #status = :published, #at = :at, #by = :by, #version = :next',
          names: { '#status': 'status', '#at': 'publishedAt', '#by': 'publishedBy', '#version': 'version' },
          values: {
            ':published': 'published',
            ':at': ranking.publishedAt,
            ':by': by,
            ':next': measurement.version + 1,
          },
        },
        { expression: '#status = :open AND #version = :v', values: { ':open': 'open', ':v': measurement.version } },
      ),
      tx.put(
        { ...keys.measurementRanking(measurement.year), entity: 'measurementRanking', ...ranking },
        {
          expression: 'attribute_not_exists(pk)',
        },
      ),
      audit,
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT'))
      throw new AppError('CONCURRENT_MODIFICATION', `The ${measurement.year} measurement changed meanwhile`, {
        cause: error,
      });
    throw error;
  }
}

export async function findPublishedRanking(store: Store, year: number): Promise<PublishedRanking | null> {
  const item = await store.get(keys.measurementRanking(year));
  return item ? parseItem(PublishedRanking, item, 'measurement ranking') : null;
}

/** At most this many of an institution's newest surveys are read: the read per participant stays bounded. */
export const SURVEYS_PER_PARTICIPANT = 50;

/**
 * The counts of an institution's surveys whose period meets the year: one Query of its surveys (newest
 * first, at most {@link SURVEYS_PER_PARTICIPANT}) and one BatchGet of their counts items. No answer is read.
 */
export async function participantCounts(store: Store, institutionId: string, year: number): Promise<SurveyCounts[]> {
  const page = await store.query({
    index: 'gsi1',
    partitionKey: keys.institutionSurveys(institutionId),
    limit: SURVEYS_PER_PARTICIPANT,
    descending: true,
  });
  const surveys = page.items
    .map((item) => parseItem(Survey, item, 'survey'))
    .filter((s) => s.opensOn <= `${year}-12-31` && s.closesOn >= `${year}-01-01`);
  if (surveys.length === 0) return [];
  const items = await store.batchGet(surveys.map((s) => keys.surveyCounts(s.surveyId)));
  return items.map(countsOfItem);
}
