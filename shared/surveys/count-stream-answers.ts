import type { Deps } from '../deps';
import { type CountsDelta, foldCounts, type StreamAnswer, staleShards, streamAnswer } from './answer-stream';
import { warsawDate } from './survey';
import {
  type AppliedPositions,
  answerOfStreamImage,
  applyCountsDelta,
  type Expectation,
  readAppliedPositions,
} from './survey-counts-store';

export type CountStreamAnswersDeps = Pick<Deps, 'store' | 'clock' | 'logger'>;

/** A new item from the table's stream: its sequence number and its new image (unmarshalled). */
export interface StreamInsert {
  sequenceNumber: string;
  newImage: Record<string, unknown>;
}

export interface CountStreamAnswersInput {
  /** The stream shard the records come from, in order (a Lambda batch is one shard's; so is a local poll). */
  shard: string;
  inserts: StreamInsert[];
}

/** How often a survey's write is tried again after another writer moved its position meanwhile. */
const MAX_ATTEMPTS = 5;

/**
 * Adds the answers of one batch of the table's stream to their surveys' counts (issue 18 §7): per
 * survey ONE UpdateItem that adds the summed counts and records the shard's position of the last answer
 * counted, conditioned on the stored position being lower than the first. The condition fails when the
 * counts hold some of these answers already (a batch delivered again, a retry after a failure midway):
 * then the position is read and only the answers after it are counted. So the counts stay exact however
 * often a batch comes. A survey whose write fails throws after the others are done, so the platform
 * retries the batch — and the surveys done already skip it.
 */
export async function countStreamAnswers(
  deps: CountStreamAnswersDeps,
  input: CountStreamAnswersInput,
): Promise<{ answers: number; surveys: number }> {
  const answers: StreamAnswer[] = [];
  for (const insert of input.inserts) {
    const found = answerOfStreamImage(insert.newImage);
    if (!found) continue;
    if ('malformed' in found) {
      // Retrying cannot mend it, and blocking the shard would stop every survey's counts: logged, left out.
      deps.logger.error('survey answer in the stream does not match its schema: not counted', {
        surveyId: found.surveyId,
        sequenceNumber: insert.sequenceNumber,
      });
      continue;
    }
    answers.push(streamAnswer(found.surveyId, insert.sequenceNumber, found.answer));
  }
  const bySurvey = new Map<string, StreamAnswer[]>();
  for (const a of answers) {
    const list = bySurvey.get(a.surveyId) ?? [];
    list.push(a);
    bySurvey.set(a.surveyId, list);
  }
  const outcomes = await Promise.allSettled([...bySurvey.values()].map((list) => countSurvey(deps, input.shard, list)));
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed.length > 0) throw failed[0]?.reason;
  return { answers: answers.length, surveys: bySurvey.size };
}

async function countSurvey(deps: CountStreamAnswersDeps, shard: string, answers: StreamAnswer[]): Promise<void> {
  const today = warsawDate(deps.clock.now());
  let pending: CountsDelta[] = foldCounts(answers);
  let known: AppliedPositions | null | undefined; // undefined: not read (the fast way)
  for (let attempt = 0; pending.length > 0; ) {
    const [delta, ...rest] = pending as [CountsDelta, ...CountsDelta[]];
    const expected: Expectation =
      known === undefined
        ? { kind: 'before' }
        : known === null
          ? { kind: 'noPositions', today }
          : known.positions[shard] === undefined
            ? { kind: 'newShard', today, forget: staleShards(known.since, today).filter((s) => s !== shard) }
            : { kind: 'exactly', position: known.positions[shard] };
    if (await applyCountsDelta(deps.store, shard, delta, expected)) {
      pending = rest;
      if (known !== undefined) known = afterWrite(known, shard, delta.last, today, expected);
      continue;
    }
    if (++attempt > MAX_ATTEMPTS)
      throw new Error(`survey ${delta.surveyId}: its counts' position kept moving; the batch is retried`);
    known = await readAppliedPositions(deps.store, delta.surveyId);
    const stored = known?.positions[shard] ?? '';
    pending = foldCounts(answers, () => stored);
  }
}

/** The positions as the write just left them, so the next delta of the survey needs no read. */
function afterWrite(
  known: AppliedPositions | null,
  shard: string,
  last: string,
  today: string,
  expected: Expectation,
): AppliedPositions {
  const positions = { ...(known?.positions ?? {}), [shard]: last };
  const since = { ...(known?.since ?? {}) };
  if (expected.kind === 'noPositions' || expected.kind === 'newShard') since[shard] = today;
  if (expected.kind === 'newShard')
    for (const old of expected.forget) {
      delete positions[old];
      delete since[old];
    }
  return { positions, since };
}
