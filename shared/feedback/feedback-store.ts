import * as z from 'zod/mini';
import type { NewAuditEntry } from '../audit/audit';
import { type AuditWriteDeps, auditPut } from '../audit/audit-store';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Page, type Store, type TransactItem, tx } from '../store/store';
import { Feedback, type FeedbackStatus } from './feedback';

/**
 * Feedback on the single table (issue 18 §6, docs/data-model.md):
 *  - `INSTITUTION_FEEDBACK#<institution> / FEEDBACK#<ulid>`: one item per feedback, newest first by a
 *    descending Query; gsi1 `INSTITUTION_FEEDBACK#<institution>#<status>` (sk the id) lists one status;
 *  - `FEEDBACK_CODE#<sha256 of the code> / CODE`: the tracking code's lookup item, naming the feedback.
 * Staff reach an item only under their own institution's partition, so another office's id finds nothing.
 */
const feedbackItem = (f: Feedback) => ({
  ...keys.feedback(f.institutionId, f.feedbackId),
  entity: 'feedback',
  ...f,
  gsi1pk: keys.institutionFeedbackByStatus(f.institutionId, f.status),
  gsi1sk: f.feedbackId,
});

const toFeedback = (item: Record<string, unknown>) => parseItem(Feedback, item, 'feedback');
const CodeItem = z.object({ institutionId: z.string(), feedbackId: z.string() });

/**
 * The feedback and its code's lookup item, both new (a code hash met twice would be refused, not
 * overwritten), with `also` in the same transaction (the attachment's slot, used up: index 2).
 */
export async function putNewFeedback(
  store: Store,
  feedback: Feedback,
  codeHash: string,
  also: TransactItem[] = [],
): Promise<void> {
  await store.transact([
    tx.put(
      {
        ...keys.feedbackCode(codeHash),
        entity: 'feedbackCode',
        institutionId: feedback.institutionId,
        feedbackId: feedback.feedbackId,
      },
      { expression: 'attribute_not_exists(pk)' },
    ),
    tx.put(feedbackItem(feedback), { expression: 'attribute_not_exists(pk)' }),
    ...also,
  ]);
}

/** The feedback a tracking code's hash names, or null: one GetItem for the code, one for the feedback. */
export async function findFeedbackByCode(store: Store, codeHash: string): Promise<Feedback | null> {
  const code = await store.get(keys.feedbackCode(codeHash));
  if (!code) return null;
  const { institutionId, feedbackId } = parseItem(CodeItem, code, 'feedback code');
  return findFeedback(store, institutionId, feedbackId);
}

export async function findFeedback(
  store: Store,
  institutionId: string,
  feedbackId: string,
  options: { consistent?: boolean } = {},
): Promise<Feedback | null> {
  const item = await store.get(keys.feedback(institutionId, feedbackId), options);
  return item ? toFeedback(item) : null;
}

/** The institution's feedback, newest first, all or of one status (Query, never Scan). */
export async function listInstitutionFeedback(
  store: Store,
  institutionId: string,
  page: { status?: FeedbackStatus; limit: number; cursor?: string },
): Promise<Page<Feedback>> {
  const out = page.status
    ? await store.query({
        index: 'gsi1',
        partitionKey: keys.institutionFeedbackByStatus(institutionId, page.status),
        limit: page.limit,
        cursor: page.cursor,
        descending: true,
      })
    : await store.query({
        partitionKey: keys.institutionFeedback(institutionId),
        sortKeyPrefix: keys.feedbackPrefix,
        limit: page.limit,
        cursor: page.cursor,
        descending: true,
      });
  return { items: out.items.map(toFeedback), cursor: out.cursor };
}

const stale = () =>
  new AppError('CONCURRENT_MODIFICATION', 'The feedback changed meanwhile', {
    detail: {
      pl: 'Ktoś inny zmienił w międzyczasie tę opinię (np. w innej karcie). Odśwież ją i spróbuj ponownie.',
      en: 'Someone else changed this feedback meanwhile (in another tab, perhaps). Reload it and try again.',
    },
  });

/**
 * Writes a changed feedback, with its audit entry, if it is still at the version it was read at: of two
 * tabs changing the same item, the second gets 409 (CONCURRENT_MODIFICATION) and changes nothing. The
 * status's index key moves with it.
 */
export async function saveFeedback(
  deps: { store: Store } & AuditWriteDeps,
  feedback: Feedback,
  readVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([
      tx.put(feedbackItem(feedback), {
        expression: 'attribute_exists(pk) AND version = :v',
        values: { ':v': readVersion },
      }),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw stale();
    throw error;
  }
}
