import { safeParse } from 'zod/mini';
import * as z from 'zod/mini';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store } from '../store/store';
import type { CountsDelta } from './answer-stream';
import { StoredAnswer } from './survey';

/**
 * The counts item's stream positions (issue 18 §7, docs/data-model.md): beside the counts, the same item
 * holds `applied` (shard → the zero-padded position of the last answer counted from it) and
 * `appliedSince` (shard → the Warsaw day it was first seen, to forget shards that can bring nothing
 * more). The counts and the position move in ONE UpdateItem, so a batch is counted once or not at all.
 */
export const APPLIED = 'applied';
export const APPLIED_SINCE = 'appliedSince';

const survey = keys.surveyPartition('');
/** DynamoDB's limit on an expression's length. */
const MAX_EXPRESSION_LENGTH = 4096;

/**
 * An answer item from a stream record's new image (the image as the SDK types it), or null for any
 * other item. An answer the seed counted as it stored it (`countedOnWrite`) is not counted again.
 */
export function answerOfStreamImage(
  image: Record<string, unknown>,
): { surveyId: string; answer: StoredAnswer } | { surveyId: string; malformed: true } | null {
  const { pk, sk, entity, countedOnWrite } = image;
  if (entity !== 'surveyAnswer' || countedOnWrite === true) return null;
  if (typeof pk !== 'string' || typeof sk !== 'string' || !pk.startsWith(survey) || !sk.startsWith(keys.answerPrefix))
    return null;
  const surveyId = pk.slice(survey.length);
  const parsed = safeParse(StoredAnswer, image);
  return parsed.success ? { surveyId, answer: parsed.data } : { surveyId, malformed: true };
}

const Positions = z.record(z.string(), z.string());
const AppliedItem = z.object({ [APPLIED]: z.optional(Positions), [APPLIED_SINCE]: z.optional(Positions) });

/** What the counts item says it has counted: null when no position is stored yet (or no item). */
export interface AppliedPositions {
  positions: Record<string, string>;
  since: Record<string, string>;
}

/** The positions, read consistently (they decide the next write). */
export async function readAppliedPositions(store: Store, surveyId: string): Promise<AppliedPositions | null> {
  const item = await store.get(keys.surveyCounts(surveyId), { consistent: true });
  if (!item) return null;
  const parsed = parseItem(AppliedItem, item, 'survey counts positions');
  const positions = parsed[APPLIED];
  return positions ? { positions, since: parsed[APPLIED_SINCE] ?? {} } : null;
}

/**
 * What the write expects of the stored position of `shard`:
 * - `before`: lower than the delta's first answer (the usual case, no read needed);
 * - `noPositions`: no position at all (a survey's first counted batch);
 * - `newShard`: the shard is not known (the stale ones in `forget` are removed in the same write);
 * - `exactly`: the position read.
 */
export type Expectation =
  | { kind: 'before' }
  | { kind: 'noPositions'; today: string }
  | { kind: 'newShard'; today: string; forget: string[] }
  | { kind: 'exactly'; position: string };

/**
 * Adds a delta to the counts and moves the shard's position to its last answer, in one UpdateItem
 * conditioned on `expected`. Returns false when the condition fails: the counts hold some of these
 * answers already, or another writer moved the position — the caller reads and decides.
 */
export async function applyCountsDelta(
  store: Store,
  shard: string,
  delta: CountsDelta,
  expected: Expectation,
): Promise<boolean> {
  const entries = Object.entries(delta.counts);
  const names: Record<string, string> = { '#applied': APPLIED, '#since': APPLIED_SINCE, '#shard': shard };
  const values: Record<string, unknown> = {};
  const byValue = new Map<number, string>();
  // Short placeholders (base 36, one per distinct value): the expression must stay under DynamoDB's 4 KB.
  const adds = entries.map(([name, count], i) => {
    names[`#${i.toString(36)}`] = name;
    let placeholder = byValue.get(count);
    if (!placeholder) {
      placeholder = `:${byValue.size.toString(36)}`;
      byValue.set(count, placeholder);
      values[placeholder] = count;
    }
    return `#${i.toString(36)} ${placeholder}`;
  });
  values[':last'] = delta.last;
  let set = '#applied.#shard = :last';
  let remove = '';
  let condition: string;
  switch (expected.kind) {
    case 'before':
      values[':first'] = delta.first;
      condition = '#applied.#shard < :first'; // false when absent: a first batch goes the reading way
      delete names['#since'];
      break;
    case 'noPositions':
      set = '#applied = :positions, #since = :since';
      delete values[':last'];
      delete names['#shard'];
      values[':positions'] = { [shard]: delta.last };
      values[':since'] = { [shard]: expected.today };
      condition = 'attribute_not_exists(#applied)';
      break;
    case 'newShard':
      set += ', #since.#shard = :today';
      values[':today'] = expected.today;
      condition = 'attribute_exists(#applied) AND attribute_not_exists(#applied.#shard)';
      expected.forget.forEach((old, i) => {
        names[`#old${i}`] = old;
      });
      remove = expected.forget.length
        ? ` REMOVE ${expected.forget.map((_, i) => `#applied.#old${i}, #since.#old${i}`).join(', ')}`
        : '';
      break;
    case 'exactly':
      values[':stored'] = expected.position;
      condition = '#applied.#shard = :stored';
      delete names['#since'];
      break;
  }
  const expression = `SET ${set}${remove} ADD ${adds.join(',')}`;
  if (expression.length > MAX_EXPRESSION_LENGTH) throw new Error(`A counts delta of ${adds.length} names is too long`);
  try {
    await store.update(
      keys.surveyCounts(delta.surveyId),
      { expression, names, values },
      { expression: condition },
      { returnValues: 'NONE' },
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return false;
    throw error;
  }
}
