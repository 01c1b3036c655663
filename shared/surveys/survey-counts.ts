import { type ContactChannel, type ContactMatter, contactChannels, contactMatters, type StoredAnswer } from './survey';
import { emptyHistogram, type Histogram } from './survey-statistics';

/**
 * The running counts of one survey, kept in ONE item so results are a single GetItem whatever the
 * number of answers (issue 18 §7). Each answer adds 1 (DynamoDB `ADD`, atomic: concurrent answers
 * never lose an increment) to flat attributes named `<dimension>:<value>:<question>:<rating>` and
 * `<dimension>:<value>:n`, where the dimension is `all`, `month` (YYYY-MM), `matter` or `channel`
 * and the question a standard aspect or an own question's id. A year of a busy survey is a few
 * hundred attributes — far below the item limit.
 */
export const dimensions = ['all', 'month', 'matter', 'channel'] as const;
export type Dimension = (typeof dimensions)[number];

/** The counts of one slice (everything, one month, one matter, one channel). */
export interface SliceCounts {
  /** Answers in the slice. */
  n: number;
  /** Per question (aspect or own question id): answers per rating 1…5. */
  questions: Record<string, Histogram>;
}

export interface SurveyCounts {
  all: SliceCounts;
  month: Record<string, SliceCounts>;
  matter: Partial<Record<ContactMatter, SliceCounts>>;
  channel: Partial<Record<ContactChannel, SliceCounts>>;
}

const NAME = /^(all|month|matter|channel):([A-Za-z0-9_-]{1,20}):(?:n|([a-z0-9_]{1,20}):([1-5]))$/;

/** The attribute names one answer increments. */
export function countNames(answer: Pick<StoredAnswer, 'ratings' | 'own' | 'month' | 'matter' | 'channel'>): string[] {
  const slices: [Dimension, string][] = [
    ['all', '-'],
    ['month', answer.month],
  ];
  if (answer.matter) slices.push(['matter', answer.matter]);
  if (answer.channel) slices.push(['channel', answer.channel]);
  const ratings = [...Object.entries(answer.ratings), ...Object.entries(answer.own)];
  return slices.flatMap(([dim, value]) => [
    `${dim}:${value}:n`,
    ...ratings.map(([question, rating]) => `${dim}:${value}:${question}:${rating}`),
  ]);
}

const emptySlice = (): SliceCounts => ({ n: 0, questions: {} });

/** The counts item's attributes (keys removed) read back; an attribute that is not a count is a damaged item. */
export function countsFromAttributes(attributes: Record<string, number>): SurveyCounts {
  const counts: SurveyCounts = { all: emptySlice(), month: {}, matter: {}, channel: {} };
  const sliceIn = <K extends string>(table: Partial<Record<K, SliceCounts>>, key: K): SliceCounts => {
    const slice = table[key] ?? emptySlice();
    table[key] = slice;
    return slice;
  };
  const sliceOf = (dim: Dimension, value: string): SliceCounts | null => {
    if (dim === 'all') return counts.all;
    if (dim === 'month') return sliceIn(counts.month, value);
    if (dim === 'matter') {
      const matter = contactMatters.find((m) => m === value);
      return matter ? sliceIn(counts.matter, matter) : null;
    }
    const channel = contactChannels.find((c) => c === value);
    return channel ? sliceIn(counts.channel, channel) : null;
  };
  for (const [name, count] of Object.entries(attributes)) {
    const match = NAME.exec(name);
    if (!match || !Number.isInteger(count) || count < 0) throw new Error(`Not a survey count: ${name}=${count}`);
    const [, dim, value = '', question, rating] = match;
    const slice = sliceOf(dim as Dimension, value);
    if (!slice) continue; // a matter or channel no longer offered: kept in the table, not shown
    if (question === undefined) {
      slice.n = count;
      continue;
    }
    const histogram = [...(slice.questions[question] ?? emptyHistogram())] as [number, number, number, number, number];
    histogram[Number(rating) - 1] = count;
    slice.questions[question] = histogram;
  }
  return counts;
}

/**
 * A counts item read back: its counts, without the keys and the stream positions stored beside them
 * (survey-counts-store.ts). An attribute that is not a count is a damaged item.
 */
export function countsOfItem(item: Record<string, unknown>): SurveyCounts {
  const skip = new Set(['pk', 'sk', 'entity', 'applied', 'appliedSince']);
  const attributes: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (skip.has(name)) continue;
    if (typeof value !== 'number') throw new Error(`Not a survey count: ${name}=${String(value)}`);
    attributes[name] = value;
  }
  return countsFromAttributes(attributes);
}
