import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldCounts,
  MAX_NAMES_PER_DELTA,
  type StreamAnswer,
  staleShards,
  streamPosition,
} from '../../shared/surveys/answer-stream';

const answer = (surveyId: string, seq: number, names: string[]): StreamAnswer => ({
  surveyId,
  position: streamPosition(String(seq)),
  names,
});

/** The naive recount: every answer's names, counted one by one. */
const recount = (answers: StreamAnswer[]) => {
  const out: Record<string, Record<string, number>> = {};
  for (const a of answers) {
    out[a.surveyId] ??= {};
    const survey = out[a.surveyId] as Record<string, number>;
    for (const n of a.names) survey[n] = (survey[n] ?? 0) + 1;
  }
  return out;
};

const summed = (deltas: ReturnType<typeof foldCounts>) => {
  const out: Record<string, Record<string, number>> = {};
  for (const d of deltas) {
    out[d.surveyId] ??= {};
    const survey = out[d.surveyId] as Record<string, number>;
    for (const [n, c] of Object.entries(d.counts)) survey[n] = (survey[n] ?? 0) + c;
  }
  return out;
};

const batch = fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 1, maxLength: 60 }).chain((seqs) =>
  fc.tuple(
    ...seqs.map((seq) =>
      fc
        .record({
          survey: fc.constantFrom('s1', 's2', 's3'),
          names: fc.uniqueArray(fc.constantFrom('all:-:n', 'month:2026-03:n', 'all:-:waiting:5', 'matter:other:n'), {
            minLength: 1,
          }),
        })
        .map(({ survey, names }) => answer(survey, seq, names)),
    ),
  ),
);

describe('folding stream answers into count deltas', () => {
  it('positions are fixed-width, so text order is number order; anything else is refused', () => {
    expect(streamPosition('9') < streamPosition('10')).toBe(true);
    expect(streamPosition('000000000000000000001')).toHaveLength(40);
    expect(() => streamPosition('12a')).toThrow();
    expect(() => streamPosition('1'.repeat(41))).toThrow();
  });

  it('sums to a recount, each delta one survey’s consecutive answers in order', () => {
    fc.assert(
      fc.property(batch, (answers) => {
        const deltas = foldCounts(answers);
        expect(summed(deltas)).toEqual(recount(answers));
        for (const d of deltas) expect(d.first <= d.last).toBe(true);
        for (const s of ['s1', 's2', 's3']) {
          const mine = deltas.filter((d) => d.surveyId === s);
          const ordered = mine.every((d, i) => i === 0 || (mine[i - 1]?.last ?? '') < d.first);
          expect(ordered).toBe(true);
        }
      }),
    );
  });

  it('leaves out what a survey’s counts hold already (a redelivered or overlapping batch)', () => {
    fc.assert(
      fc.property(batch, fc.integer({ min: 0, max: 10 ** 9 }), (answers, upTo) => {
        const after = streamPosition(String(upTo));
        const deltas = foldCounts(answers, (s) => (s === 's1' ? after : ''));
        expect(summed(deltas)).toEqual(recount(answers.filter((a) => a.surveyId !== 's1' || a.position > after)));
      }),
    );
  });

  it('splits a survey’s answers that name more counts than one expression holds', () => {
    const answers = Array.from({ length: 200 }, (_, i) =>
      answer('s1', i + 1, [`month:m${i}:n`, `month:m${i}:waiting:5`, `month:m${i}:usefulness:4`]),
    );
    const deltas = foldCounts(answers);
    expect(deltas.length).toBeGreaterThan(1);
    for (const d of deltas) expect(Object.keys(d.counts).length).toBeLessThanOrEqual(MAX_NAMES_PER_DELTA);
    expect(deltas.reduce((n, d) => n + d.answers, 0)).toBe(200);
  });

  it('forgets shards first seen more than two days ago', () => {
    expect(staleShards({ a: '2026-02-26', b: '2026-02-27', c: '2026-03-01' }, '2026-03-01')).toEqual(['a']);
  });
});
