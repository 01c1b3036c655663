import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { institutionTypes } from '../../shared/institutions/institution';
import {
  competitionRanks,
  computeRanking,
  movementOf,
  type ParticipantCounts,
  type Ranking,
} from '../../shared/measurement/ranking';
import { yearHistograms } from '../../shared/measurement/year-histograms';
import { countsFromAttributes } from '../../shared/surveys/survey-counts';
import type { Histogram } from '../../shared/surveys/survey-statistics';

const histogram = (satisfied: number, not: number): Histogram => [not, 0, 0, 0, satisfied];
const participant = (
  id: string,
  type: ParticipantCounts['type'],
  h: Histogram,
  overrides: Partial<ParticipantCounts['histograms']> = {},
): ParticipantCounts => ({
  institutionId: id,
  name: `Urząd ${id}`,
  type,
  histograms: { waiting: h, usefulness: h, engagement: h, ...overrides },
});
const rank = (participants: ParticipantCounts[], previous?: Ranking, minAnswers = 30) =>
  computeRanking({ year: 2026, minAnswers, participants, previous, typeOrder: institutionTypes });

const arbHistogram = fc.tuple(fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60)) as fc.Arbitrary<Histogram>;
const arbParticipants = fc
  .uniqueArray(
    fc.record({
      institutionId: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      name: fc.constantFrom('Urząd A', 'Urząd B', 'Starostwo', 'MOPS'),
      type: fc.constantFrom('municipal_office', 'county_office', 'tax_office'),
      histograms: fc.record({ waiting: arbHistogram, usefulness: arbHistogram, engagement: arbHistogram }),
    }),
    { selector: (p) => p.institutionId, maxLength: 12 },
  )
  .map((ps) => ps as ParticipantCounts[]);

describe('competition ranking', () => {
  it('gives equal values one rank and skips the next (1, 2, 2, 4)', () => {
    expect(competitionRanks([0.9, 0.8, 0.8, 0.7])).toEqual([1, 2, 2, 4]);
    // equal at the precision shown (0.1 pp): one rank
    expect(competitionRanks([0.90001, 0.9])).toEqual([1, 1]);
  });

  it('rank = 1 + the number strictly better, for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }).map((v) => v / 1000)), (values) => {
        const ranks = competitionRanks(values);
        values.forEach((v, i) => {
          expect(ranks[i]).toBe(1 + values.filter((o) => o > v).length);
        });
      }),
    );
  });
});

describe('the yearly ranking', () => {
  it('ranks per type on the mean % satisfied, lists too few answers unranked', () => {
    const ranking = rank([
      participant('a', 'municipal_office', histogram(90, 10)),
      participant('b', 'municipal_office', histogram(95, 5)),
      participant('c', 'municipal_office', histogram(20, 5)), // 25 < 30: not ranked
      participant('d', 'county_office', histogram(50, 50)),
      participant('e', 'municipal_office', histogram(90, 10), { waiting: histogram(10, 10) }), // one aspect short
    ]);
    expect(ranking.types.map((t) => t.type)).toEqual(['municipal_office', 'county_office']);
    const municipal = ranking.types[0]?.entries ?? [];
    expect(municipal.map((e) => [e.institutionId, e.overall?.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', undefined],
      ['e', undefined],
    ]);
    expect(municipal[0]?.overall?.satisfied).toBeCloseTo(0.95);
    expect(municipal[0]?.n).toBe(100);
    expect(municipal[3]?.n).toBe(20);
    expect(municipal[2]?.movement).toBeUndefined();
    expect(ranking.types[1]?.entries[0]?.overall?.rank).toBe(1);
  });

  it('the overall interval is the mean of the aspects’ Wilson bounds and contains the value', () => {
    const entry = rank([
      participant('a', 'tax_office', histogram(40, 10), {
        usefulness: histogram(45, 5),
        engagement: histogram(30, 20),
      }),
    ]).types[0]?.entries[0];
    const aspects = entry?.aspects;
    if (!entry?.overall || !aspects?.waiting.shown || !aspects.usefulness.shown || !aspects.engagement.shown)
      throw new Error('expected a ranked entry');
    expect(entry.overall.satisfied).toBeCloseTo((0.8 + 0.9 + 0.6) / 3);
    expect(entry.overall.interval.low).toBeCloseTo(
      (aspects.waiting.interval.low + aspects.usefulness.interval.low + aspects.engagement.interval.low) / 3,
    );
    expect(entry.overall.interval.low).toBeLessThan(entry.overall.satisfied);
    expect(entry.overall.interval.high).toBeGreaterThan(entry.overall.satisfied);
  });

  it('the minimum is settable', () => {
    const low = rank([participant('a', 'zus', histogram(8, 2))], undefined, 10);
    expect(low.types[0]?.entries[0]?.overall?.rank).toBe(1);
    const high = rank([participant('a', 'zus', histogram(8, 2))], undefined, 11);
    expect(high.types[0]?.entries[0]?.overall).toBeUndefined();
  });

  it('does not depend on the order of the participants', () => {
    fc.assert(
      fc.property(arbParticipants, fc.integer({ min: 1, max: 60 }), fc.nat(), (ps, minAnswers, seed) => {
        const shuffled = [...ps].sort((a, b) => (hash(a.institutionId, seed) - hash(b.institutionId, seed)) | 0);
        expect(rank(shuffled, undefined, minAnswers)).toEqual(rank(ps, undefined, minAnswers));
      }),
    );
  });

  it('ranks are competition ranks of the overall value; ties share a rank; unranked come last', () => {
    fc.assert(
      fc.property(arbParticipants, fc.integer({ min: 1, max: 60 }), (ps, minAnswers) => {
        for (const table of rank(ps, undefined, minAnswers).types) {
          const ranked = table.entries.filter((e) => e.overall);
          const firstUnranked = table.entries.findIndex((e) => !e.overall);
          if (firstUnranked >= 0) expect(table.entries.slice(firstUnranked).every((e) => !e.overall)).toBe(true);
          for (const e of ranked) {
            const shown = Math.round((e.overall?.satisfied ?? 0) * 1000);
            const better = ranked.filter((o) => Math.round((o.overall?.satisfied ?? 0) * 1000) > shown).length;
            expect(e.overall?.rank).toBe(1 + better);
            expect(e.n).toBeGreaterThanOrEqual(minAnswers);
          }
          for (const e of table.entries.filter((x) => !x.overall)) expect(e.aspectRanks).toBeUndefined();
          const ranks = ranked.map((e) => e.overall?.rank ?? 0);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('movement agrees with last year’s rank in the same type', () => {
    fc.assert(
      fc.property(arbParticipants, arbParticipants, (lastYear, thisYear) => {
        const previous = rank(lastYear, undefined, 1);
        const current = rank(thisYear, previous, 1);
        for (const table of current.types) {
          const before = previous.types.find((t) => t.type === table.type);
          for (const e of table.entries.filter((x) => x.overall)) {
            const was = before?.entries.find((p) => p.institutionId === e.institutionId)?.overall?.rank;
            expect(e.previousRank).toBe(was);
            expect(e.movement).toBe(movementOf(e.overall?.rank ?? 0, was));
          }
        }
      }),
    );
  });

  it('the same participants a year later are all "same"', () => {
    fc.assert(
      fc.property(arbParticipants, (ps) => {
        const previous = rank(ps, undefined, 1);
        for (const table of rank(ps, previous, 1).types)
          for (const e of table.entries.filter((x) => x.overall)) expect(e.movement).toBe('same');
      }),
    );
  });

  it('movement: up, down, same, new', () => {
    expect([movementOf(1, 3), movementOf(3, 1), movementOf(2, 2), movementOf(1, undefined)]).toEqual([
      'up',
      'down',
      'same',
      'new',
    ]);
  });
});

describe('a year of a survey’s counts', () => {
  it('sums the months of the year over the surveys, standard aspects only', () => {
    const one = countsFromAttributes({
      'month:2026-01:waiting:5': 3,
      'month:2026-02:waiting:5': 2,
      'month:2026-02:waiting:1': 1,
      'month:2025-12:waiting:5': 7,
      'month:2026-02:q1:5': 9,
      'all:-:waiting:5': 12,
    });
    const two = countsFromAttributes({ 'month:2026-03:engagement:4': 4, 'month:2026-03:waiting:5': 1 });
    const sums = yearHistograms([one, two], 2026);
    expect(sums.waiting).toEqual([1, 0, 0, 0, 6]);
    expect(sums.engagement).toEqual([0, 0, 0, 4, 0]);
    expect(sums.usefulness).toEqual([0, 0, 0, 0, 0]);
    expect(Object.keys(sums)).toEqual(['waiting', 'usefulness', 'engagement']);
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 2654435761);
  return h;
}
