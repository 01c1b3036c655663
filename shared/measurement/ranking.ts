import type { InstitutionType } from '../institutions/institution';
import { type StandardAspect, standardAspects } from '../surveys/survey';
import { type AspectFigures, aspectFigures, type Histogram } from '../surveys/survey-statistics';
import { comparePolish } from '../text/polish-order';

/**
 * The standard measurement (issue 18 §4, seed 002's yearly ranking of SKR): institutions that opted in
 * are compared on the three standard aspects, one ranking per institution type. Pure, no I/O.
 *
 * Overall = the mean of the three aspects' % satisfied (each aspect weighs the same, whatever how many
 * residents rated it); its interval is the mean of the three Wilson bounds, which holds whenever the
 * three aspect intervals do. An institution is ranked only when every aspect has at least `minAnswers`
 * answers; below that it is listed as "too few answers" (za mało odpowiedzi) with its n and no rank.
 * Ties: values equal at the precision shown (0.1 percentage point) share a rank, and the next rank
 * skips (competition ranking 1, 2, 2, 4).
 */
export const DEFAULT_MEASUREMENT_MIN_ANSWERS = 30;

export interface ParticipantCounts {
  institutionId: string;
  name: string;
  type: InstitutionType;
  /** Per standard aspect, the year's answers per rating 1…5 summed over the institution's surveys. */
  histograms: Record<StandardAspect, Histogram>;
}

export type Movement = 'up' | 'down' | 'same' | 'new';

export interface RankedValue {
  /** Share satisfied 0…1 and its 95 % interval. */
  satisfied: number;
  interval: { low: number; high: number };
  rank: number;
}

export interface RankingEntry {
  institutionId: string;
  name: string;
  /** Fewest answers of the three aspects: what decides whether the institution is ranked. */
  n: number;
  aspects: Record<StandardAspect, AspectFigures>;
  /** Absent when too few answers (not ranked). */
  overall?: RankedValue;
  aspectRanks?: Record<StandardAspect, number>;
  /** Overall rank a year earlier in the same type's published ranking; absent when it was not ranked. */
  previousRank?: number;
  movement?: Movement;
}

export interface TypeRanking {
  type: InstitutionType;
  /** Ranked first (by rank, then name), then those with too few answers (by name). */
  entries: RankingEntry[];
}

export interface Ranking {
  year: number;
  minAnswers: number;
  types: TypeRanking[];
}

/** The precision a value is shown and compared at: 0.1 percentage point. */
const comparable = (share: number) => Math.round(share * 1000);

/** Competition ranks (1, 2, 2, 4) of values, higher is better, at the precision shown. */
export function competitionRanks(values: readonly number[]): number[] {
  const keys = values.map(comparable);
  return keys.map((k) => 1 + keys.filter((other) => other > k).length);
}

const byName = (a: { name: string; institutionId: string }, b: { name: string; institutionId: string }) =>
  comparePolish(a.name, b.name) || (a.institutionId < b.institutionId ? -1 : a.institutionId > b.institutionId ? 1 : 0);

function typeRanking(
  type: InstitutionType,
  participants: ParticipantCounts[],
  minAnswers: number,
  previous: TypeRanking | undefined,
): TypeRanking {
  const figured = participants.map((p) => {
    const aspects = Object.fromEntries(
      standardAspects.map((a) => [a, aspectFigures(p.histograms[a], minAnswers)]),
    ) as Record<StandardAspect, AspectFigures>;
    const n = Math.min(...standardAspects.map((a) => aspects[a].n));
    return { p, aspects, n };
  });
  const ranked = figured.flatMap((f) => {
    const shown = standardAspects.map((a) => f.aspects[a]);
    if (!shown.every((s) => s.shown)) return [];
    const mean = (pick: (s: Extract<AspectFigures, { shown: true }>) => number) =>
      shown.reduce((sum, s) => sum + (s.shown ? pick(s) : 0), 0) / shown.length;
    return [
      {
        ...f,
        satisfied: mean((s) => s.satisfied),
        low: mean((s) => s.interval.low),
        high: mean((s) => s.interval.high),
      },
    ];
  });
  const overallRanks = competitionRanks(ranked.map((r) => r.satisfied));
  const aspectRanks = Object.fromEntries(
    standardAspects.map((a) => [
      a,
      competitionRanks(ranked.map((r) => (r.aspects[a].shown ? r.aspects[a].satisfied : 0))),
    ]),
  ) as Record<StandardAspect, number[]>;
  const previousRanks = new Map(
    (previous?.entries ?? []).flatMap((e) => (e.overall ? [[e.institutionId, e.overall.rank] as const] : [])),
  );
  const rankedEntries: RankingEntry[] = ranked.map((r, i) => {
    const rank = overallRanks[i] ?? 0;
    const previousRank = previousRanks.get(r.p.institutionId);
    return {
      institutionId: r.p.institutionId,
      name: r.p.name,
      n: r.n,
      aspects: r.aspects,
      overall: { satisfied: r.satisfied, interval: { low: r.low, high: r.high }, rank },
      aspectRanks: Object.fromEntries(standardAspects.map((a) => [a, aspectRanks[a][i] ?? 0])) as Record<
        StandardAspect,
        number
      >,
      ...(previousRank === undefined ? {} : { previousRank }),
      movement: movementOf(rank, previousRank),
    };
  });
  const unranked: RankingEntry[] = figured
    .filter((f) => !standardAspects.every((a) => f.aspects[a].shown))
    .map((f) => ({ institutionId: f.p.institutionId, name: f.p.name, n: f.n, aspects: f.aspects }));
  rankedEntries.sort((a, b) => (a.overall?.rank ?? 0) - (b.overall?.rank ?? 0) || byName(a, b));
  unranked.sort(byName);
  return { type, entries: [...rankedEntries, ...unranked] };
}

/** Up means a better (smaller) rank than last year; an institution not ranked last year is new. */
export function movementOf(rank: number, previousRank: number | undefined): Movement {
  if (previousRank === undefined) return 'new';
  if (rank < previousRank) return 'up';
  if (rank > previousRank) return 'down';
  return 'same';
}

/**
 * The year's ranking: one table per institution type that has a participant (types in the order of
 * `typeOrder`), movement against `previous` (the previous year's published ranking, if any).
 */
export function computeRanking(input: {
  year: number;
  minAnswers: number;
  participants: readonly ParticipantCounts[];
  previous?: Ranking | null;
  typeOrder: readonly InstitutionType[];
}): Ranking {
  const types = input.typeOrder.flatMap((type) => {
    const of = input.participants.filter((p) => p.type === type);
    if (of.length === 0) return [];
    return [
      typeRanking(
        type,
        of,
        input.minAnswers,
        input.previous?.types.find((t) => t.type === type),
      ),
    ];
  });
  return { year: input.year, minAnswers: input.minAnswers, types };
}
