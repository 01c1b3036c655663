import { countNames } from './survey-counts';
import type { StoredAnswer } from './survey';

/**
 * Counting answers from the table's stream (issue 18 §7), the pure part: which answers a batch of
 * stream records brings, and the per-survey count deltas they add. No I/O.
 *
 * A stream position is the record's sequence number: decimal digits, up to 40 of them, increasing
 * within a shard. Stored zero-padded to a fixed width, positions compare as strings — in a
 * DynamoDB condition as in JavaScript — without a 40-digit number type.
 */
export const POSITION_DIGITS = 40;

export function streamPosition(sequenceNumber: string): string {
  if (!/^\d{1,40}$/.test(sequenceNumber)) throw new Error(`Not a stream sequence number: ${sequenceNumber}`);
  return sequenceNumber.padStart(POSITION_DIGITS, '0');
}

/** An answer found in the stream: its survey, its position, and the counts it adds. */
export interface StreamAnswer {
  surveyId: string;
  position: string;
  names: string[];
}

export const streamAnswer = (surveyId: string, sequenceNumber: string, answer: StoredAnswer): StreamAnswer => ({
  surveyId,
  position: streamPosition(sequenceNumber),
  names: countNames(answer),
});

/** One survey's share of a batch: the counts to add, and the positions of its first and last answers. */
export interface CountsDelta {
  surveyId: string;
  first: string;
  last: string;
  answers: number;
  counts: Record<string, number>;
}

/**
 * An UpdateExpression may be at most 4 KB: a delta names at most this many counts (each `#ab :c,`),
 * and a survey's answers of one batch that name more are split into consecutive deltas, each applied
 * with its own position, so each stays exact on its own.
 */
export const MAX_NAMES_PER_DELTA = 450;

/**
 * Folds answers into per-survey deltas, in position order, each delta a run of consecutive answers of
 * one survey. `after` gives the position a survey's counts already hold: answers at or before it are
 * left out (a batch delivered again, or the rest of a batch that failed midway).
 */
export function foldCounts(answers: StreamAnswer[], after: (surveyId: string) => string = () => ''): CountsDelta[] {
  const bySurvey = new Map<string, StreamAnswer[]>();
  for (const a of answers) {
    if (a.position <= after(a.surveyId)) continue;
    const list = bySurvey.get(a.surveyId) ?? [];
    list.push(a);
    bySurvey.set(a.surveyId, list);
  }
  const deltas: CountsDelta[] = [];
  for (const [surveyId, list] of bySurvey) {
    list.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    let current: CountsDelta | undefined;
    for (const a of list) {
      if (a.position === current?.last) continue; // the same record twice in one batch
      const fresh = a.names.filter((n) => current?.counts[n] === undefined).length;
      if (!current || Object.keys(current.counts).length + fresh > MAX_NAMES_PER_DELTA) {
        current = { surveyId, first: a.position, last: a.position, answers: 0, counts: {} };
        deltas.push(current);
      }
      for (const name of a.names) current.counts[name] = (current.counts[name] ?? 0) + 1;
      current.answers += 1;
      current.last = a.position;
    }
  }
  return deltas;
}

/** Stream records live 24 hours and a shard about 4: a shard first seen two days ago will bring nothing more. */
const STALE_AFTER_DAYS = 2;

/** Shards whose position can be forgotten (`since` holds the Warsaw day each was first seen). */
export function staleShards(since: Record<string, string>, today: string): string[] {
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() - STALE_AFTER_DAYS);
  const cutoff = limit.toISOString().slice(0, 10);
  return Object.entries(since)
    .filter(([, day]) => day < cutoff)
    .map(([shard]) => shard);
}
