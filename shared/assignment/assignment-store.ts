import { AppError } from '../errors';
import type { Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';
import type { CurrentPair } from './model';

/**
 * The committed assignment, stored so that a reader sees either the old or the new one, never a mix:
 * a commit writes a whole new generation (one item per expert, invisible until referenced), then
 * moves the head to it in one conditional write, then deletes older generations. Manual edits
 * change items of the current generation in a transaction that also bumps the head's version.
 */

export interface AssignmentHead {
  editionId: string;
  /** Null until the first commit. */
  generation: string | null;
  /** The generation this one replaced: kept until the next commit, for readers still on it. */
  previousGeneration?: string | null;
  version: number;
  /** The preview last committed, so a repeated commit of it is recognized (idempotency). */
  lastPreviewId?: string;
  committedAt?: string;
  committedBy?: string;
  /** What the last commit changed, for answering a repeated commit of the same preview. */
  lastCommit?: { pairs: number; added: number; removed: number };
}

export interface PairEntry extends Omit<CurrentPair, 'userId'> {
  institutionId: string;
  institutionName: string;
}

export interface ExpertAssignment {
  editionId: string;
  generation: string;
  userId: string;
  pairs: PairEntry[];
  version: number;
}

export const emptyHead = (editionId: string): AssignmentHead => ({ editionId, generation: null, version: 0 });

export async function getHead(store: Store, editionId: string, consistent = true): Promise<AssignmentHead> {
  const item = await store.get(keys.assignmentHead(editionId), { consistent });
  if (!item) return emptyHead(editionId);
  const { pk: _pk, sk: _sk, entity: _e, ...head } = item;
  return head as unknown as AssignmentHead;
}

export function expertAssignmentItem(x: ExpertAssignment) {
  return { ...keys.expertAssignment(x.editionId, x.generation, x.userId), entity: 'expertAssignment', ...x };
}

const toExpertAssignment = (item: Record<string, unknown>): ExpertAssignment => {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as ExpertAssignment;
};

/** The current assignment: every expert's item of the head's generation. */
export async function readAssignment(
  store: Store,
  editionId: string,
): Promise<{ head: AssignmentHead; experts: ExpertAssignment[] }> {
  const head = await getHead(store, editionId);
  if (!head.generation) return { head, experts: [] };
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.generationPrefix(head.generation),
    consistent: true,
  });
  return { head, experts: items.map(toExpertAssignment) };
}

/** One expert's current item (null when nothing is assigned to them). */
export async function readExpertAssignment(
  store: Store,
  editionId: string,
  userId: string,
): Promise<{ head: AssignmentHead; mine: ExpertAssignment | null }> {
  const head = await getHead(store, editionId);
  if (!head.generation) return { head, mine: null };
  const item = await store.get(keys.expertAssignment(editionId, head.generation, userId), { consistent: true });
  return { head, mine: item ? toExpertAssignment(item) : null };
}

export const pairsOf = (experts: ExpertAssignment[]): CurrentPair[] =>
  experts.flatMap((x) =>
    x.pairs.map(({ institutionId: _i, institutionName: _n, ...p }) => ({ ...p, userId: x.userId })),
  );

/** The head moves from `expected` version to the next; fails with 409 if anyone moved it meanwhile. */
export function headUpdate(head: AssignmentHead, set: Partial<AssignmentHead>): TransactItem {
  const next: AssignmentHead = { ...head, ...set, version: head.version + 1 };
  return {
    Put: {
      TableName: '',
      Item: { ...keys.assignmentHead(head.editionId), entity: 'assignmentHead', ...next },
      ConditionExpression: head.version === 0 ? 'attribute_not_exists(pk)' : '#v = :v',
      ...(head.version === 0
        ? {}
        : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': head.version } }),
    },
  };
}

/** Writes one expert's item of the current generation (a manual edit), guarded by its version. */
export function expertAssignmentPut(x: ExpertAssignment, previousVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: '',
      Item: expertAssignmentItem(x),
      ConditionExpression: previousVersion === null ? 'attribute_not_exists(pk)' : '#v = :v',
      ...(previousVersion === null
        ? {}
        : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': previousVersion } }),
    },
  };
}

export const assignmentChanged = () =>
  new AppError('STALE_VERSION', 'Assignment changed meanwhile', {
    detail: {
      pl: 'Przydział został w międzyczasie zmieniony. Odśwież i spróbuj ponownie.',
      en: 'The assignment changed meanwhile. Refresh and try again.',
    },
  });

/** The creation time of a generation (its id is ULID-shaped: 10 base-32 digits of milliseconds first). */
function generationTime(generation: string): number {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...generation.slice(0, 10)].reduce((t, ch) => t * 32 + Math.max(0, alphabet.indexOf(ch)), 0);
}

/** A commit writing its generation finishes within seconds; items older than this and unreferenced are leftovers. */
export const ORPHAN_AGE_MS = 15 * 60_000;

/**
 * Deletes generations nobody can be using: neither the head's current nor its previous one (readers
 * may still be on that), and created long enough ago that no commit can still be writing it — a
 * commit in flight has items not yet referenced by the head, so "not referenced" alone is not enough.
 */
export async function deleteStaleGenerations(
  store: Store,
  editionId: string,
  head: Pick<AssignmentHead, 'generation' | 'previousGeneration'>,
  now: Date,
): Promise<number> {
  const keep = new Set([head.generation, head.previousGeneration].filter((g): g is string => Boolean(g)));
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.assignmentPrefix,
  });
  const stale = items.filter((i) => {
    const generation = String(i.generation);
    return !keep.has(generation) && generationTime(generation) < now.getTime() - ORPHAN_AGE_MS;
  });
  for (let i = 0; i < stale.length; i += 25) {
    await Promise.all(stale.slice(i, i + 25).map((x) => store.delete({ pk: String(x.pk), sk: String(x.sk) })));
  }
  return stale.length;
}
