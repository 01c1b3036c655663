import * as z from 'zod/mini';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Condition, type Store, type TransactItem, tx } from '../store/store';
import { AssignmentHead, emptyHead, ExpertAssignment } from './assignment';

/**
 * The committed assignment, stored so that a reader sees either the old or the new one, never a mix:
 * a commit writes a whole new generation (one item per expert, invisible until referenced), then
 * moves the head to it in one conditional write, then deletes older generations. Manual edits
 * change items of the current generation in a transaction that also bumps the head's version.
 * Every key, condition and transaction item of the assignment is built here.
 */

/** The write happens only if the item is still at `version` (or, for null, does not exist yet). */
const versionIs = (version: number | null): Condition =>
  version === null || version === 0
    ? { expression: 'attribute_not_exists(pk)' }
    : { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': version } };

export const assignmentChanged = (cause?: unknown) =>
  new AppError('STALE_VERSION', 'Assignment changed meanwhile', {
    cause,
    detail: {
      pl: 'Przydział został w międzyczasie zmieniony. Odśwież i spróbuj ponownie.',
      en: 'The assignment changed meanwhile. Refresh and try again.',
    },
  });

export async function getHead(store: Store, editionId: string, consistent = true): Promise<AssignmentHead> {
  const item = await store.get(keys.assignmentHead(editionId), { consistent });
  return item ? parseItem(AssignmentHead, item, 'assignment head') : emptyHead(editionId);
}

const expertAssignmentItem = (x: ExpertAssignment) => ({
  ...keys.expertAssignment(x.editionId, x.generation, x.userId),
  entity: 'expertAssignment',
  ...x,
});

const toExpertAssignment = (item: Record<string, unknown>) => parseItem(ExpertAssignment, item, 'expert assignment');

/** The current assignment: every expert's item of the head's generation. */
export async function listExpertAssignments(
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
export async function findExpertAssignment(
  store: Store,
  editionId: string,
  userId: string,
): Promise<{ head: AssignmentHead; mine: ExpertAssignment | null }> {
  const head = await getHead(store, editionId);
  if (!head.generation) return { head, mine: null };
  const item = await store.get(keys.expertAssignment(editionId, head.generation, userId), { consistent: true });
  return { head, mine: item ? toExpertAssignment(item) : null };
}

/**
 * The head moves from its version to the next; the transaction fails if anyone moved it meanwhile.
 * Every write the assignment is computed from carries one (docs/data-model.md).
 */
export function headUpdate(head: AssignmentHead, set: Partial<AssignmentHead>): TransactItem {
  const next: AssignmentHead = { ...head, ...set, version: head.version + 1 };
  return tx.put({ ...keys.assignmentHead(head.editionId), entity: 'assignmentHead', ...next }, versionIs(head.version));
}

/** Writes one expert's item of the current generation, guarded by the version it was read at (null: new). */
export function expertAssignmentPut(x: ExpertAssignment, previousVersion: number | null): TransactItem {
  return tx.put(expertAssignmentItem(x), versionIs(previousVersion));
}

/** Transactions hold at most 100 items and 4 MB: chunks of both (with room for attribute overhead). */
function transactionChunks<T>(items: T[], maxItems = 100, maxBytes = 3_500_000): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A new generation's items, written while nothing references them (each only if new). */
export async function putGeneration(store: Store, items: ExpertAssignment[]): Promise<void> {
  for (const chunk of transactionChunks(items.map(expertAssignmentItem))) {
    await store.transact(chunk.map((item) => tx.put(item, versionIs(null))));
  }
}

/** A generation the head never came to reference (the commit lost the race). */
export async function deleteGeneration(
  store: Store,
  editionId: string,
  generation: string,
  userIds: string[],
): Promise<void> {
  await Promise.all(userIds.map((userId) => store.delete(keys.expertAssignment(editionId, generation, userId))));
}

/**
 * Moves the head to a committed generation with the commit's audit entry, in one transaction. If
 * anyone moved the head since `head` was read, nothing is written: 409 STALE_VERSION.
 */
export async function moveHead(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  head: AssignmentHead,
  set: Partial<AssignmentHead>,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([headUpdate(head, set), auditPut(deps, audit)]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw assignmentChanged(error);
    throw error;
  }
}

/**
 * A manual edit: the touched experts' items of the current generation (each from the version it was
 * read at) and the head, with the audit entry — one transaction, so an edit and a commit (or two
 * edits from two tabs) cannot interleave. Anything moved meanwhile: 409 STALE_VERSION.
 */
export async function saveManualEdit(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  edit: {
    head: AssignmentHead;
    generation: string;
    changes: { next: ExpertAssignment; previousVersion: number | null }[];
    audit: NewAuditEntry;
  },
): Promise<void> {
  try {
    await deps.store.transact([
      headUpdate(edit.head, { generation: edit.generation }),
      ...edit.changes.map((c) => expertAssignmentPut(c.next, c.previousVersion)),
      auditPut(deps, edit.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw assignmentChanged(error);
    throw error;
  }
}

/** The creation time of a generation (its id is ULID-shaped: 10 base-32 digits of milliseconds first). */
function generationTime(generation: string): number {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...generation.slice(0, 10)].reduce((t, ch) => t * 32 + Math.max(0, alphabet.indexOf(ch)), 0);
}

/** A commit writing its generation finishes within seconds; items older than this and unreferenced are leftovers. */
const ORPHAN_AGE_MS = 15 * 60_000;

const GenerationItem = z.pick(ExpertAssignment, { generation: true, userId: true });

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
  const stale = items
    .map((i) => parseItem(GenerationItem, i, 'expert assignment'))
    .filter((x) => !keep.has(x.generation) && generationTime(x.generation) < now.getTime() - ORPHAN_AGE_MS);
  for (let i = 0; i < stale.length; i += 25) {
    await Promise.all(
      stale.slice(i, i + 25).map((x) => store.delete(keys.expertAssignment(editionId, x.generation, x.userId))),
    );
  }
  return stale.length;
}
