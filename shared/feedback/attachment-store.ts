import * as z from 'zod/mini';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, type TransactItem, tx } from '../store/store';

/**
 * Upload slots of feedback attachments on the single table (docs/data-model.md):
 * `FEEDBACK_SLOT#<slot> / SLOT` names the office, the declared type, size and SHA-256, and expires
 * (`expiresAt`, the table's TTL attribute, epoch seconds). It is deleted in the very transaction that
 * stores the feedback, so a slot serves one feedback only. Nothing about the sender is on it.
 */
export const FeedbackSlot = z.object({
  slotId: z.string(),
  institutionId: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  uploadedAt: z.optional(z.string()),
});
/** `expiresAt` is the table's TTL attribute (a key attribute to `parseItem`), so it is read beside the schema. */
export type FeedbackSlot = z.infer<typeof FeedbackSlot> & { expiresAt: number };

export async function putSlot(store: Store, slot: FeedbackSlot): Promise<void> {
  await store.put(
    { ...keys.feedbackSlot(slot.slotId), entity: 'feedbackSlot', ...slot },
    { expression: 'attribute_not_exists(pk)' },
  );
}

/** The slot, if it exists and has not expired (TTL deletion is lazy, so expiry is checked here too). */
export async function findSlot(store: Store, slotId: string, nowSeconds: number): Promise<FeedbackSlot | null> {
  const item = await store.get(keys.feedbackSlot(slotId), { consistent: true });
  if (!item) return null;
  const slot = parseItem(FeedbackSlot, item, 'feedback slot');
  const expiresAt = typeof item.expiresAt === 'number' ? item.expiresAt : 0;
  return expiresAt > nowSeconds ? { ...slot, expiresAt } : null;
}

/** The transaction item that uses the slot up: it must still exist, unexpired, for this office. */
export const consumeSlot = (slot: FeedbackSlot, nowSeconds: number): TransactItem =>
  tx.delete(keys.feedbackSlot(slot.slotId), {
    expression: 'attribute_exists(pk) AND institutionId = :institution AND expiresAt > :now',
    values: { ':institution': slot.institutionId, ':now': nowSeconds },
  });

/**
 * The local upload route's one-time claim of a slot's link (S3 itself refuses a second PUT in the
 * cloud): only a slot still waiting for its bytes, before it expires.
 */
export async function claimSlotUpload(store: Store, slotId: string, now: Date): Promise<void> {
  try {
    await store.transact([
      tx.update(
        keys.feedbackSlot(slotId),
        { expression: 'SET uploadedAt = :at', values: { ':at': now.toISOString() } },
        {
          expression: 'attribute_exists(pk) AND attribute_not_exists(uploadedAt) AND expiresAt > :now',
          values: { ':now': Math.floor(now.getTime() / 1000) },
        },
      ),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw new AppError('FORBIDDEN', 'Invalid or expired upload link');
    throw error;
  }
}
