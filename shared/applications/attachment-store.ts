import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { type Store, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import type { Attachment } from './application';
import { editableCheck, notEditable, toAttachment } from './application-read-store';

/**
 * Attachments: one item per file in the application's partition, `pending` from the upload request
 * until the content check makes it `ready`. Every change is conditioned on the application being
 * editable, in the same transaction.
 */
export function attachmentItem(applicationId: string, a: Attachment) {
  return { ...keys.attachment(applicationId, a.attachmentId), entity: 'attachment', ...a };
}

export async function findAttachment(
  store: Store,
  applicationId: string,
  attachmentId: string,
  consistent = false,
): Promise<Attachment | null> {
  const item = await store.get(keys.attachment(applicationId, attachmentId), { consistent });
  return item ? toAttachment(item) : null;
}

/** The application's attachments, pending and ready (strongly consistent: they decide a write). */
export async function listAttachments(store: Store, applicationId: string): Promise<Attachment[]> {
  const items = await store.queryAll({
    partitionKey: keys.applicationPartition(applicationId),
    sortKeyPrefix: keys.attachmentPrefix,
    consistent: true,
  });
  return items.map(toAttachment);
}

/** Records a pending attachment, only while the application is editable (else 409 INVALID_STATE). */
export async function putPendingAttachment(store: Store, applicationId: string, pending: Attachment): Promise<void> {
  try {
    await store.transact([editableCheck(applicationId), tx.put(attachmentItem(applicationId, pending))]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw notEditable('submitted');
    throw error;
  }
}

const uploadLinkUsed = (cause: unknown) =>
  new AppError('INVALID_STATE', 'Upload link used or application not editable', {
    cause,
    detail: {
      pl: 'Ten link do wysłania pliku został już użyty albo zgłoszenia nie można już zmieniać. Dodaj plik ponownie.',
      en: 'This upload link has been used already, or the application can no longer be changed. Add the file again.',
    },
  });

const pending = { expression: '#status = :pending', names: { '#status': 'status' }, values: { ':pending': 'pending' } };

/**
 * Claims a pending attachment's upload link, once: the attachment must still be pending and
 * never uploaded, and the application editable. A replayed link, or one used after the file was
 * completed or the application submitted, is refused (409) before a byte is stored.
 */
export async function claimUpload(store: Store, applicationId: string, attachmentId: string, now: string) {
  try {
    await store.transact([
      editableCheck(applicationId),
      tx.update(
        keys.attachment(applicationId, attachmentId),
        { expression: 'SET uploadedAt = :now', values: { ':now': now } },
        { ...pending, expression: `${pending.expression} AND attribute_not_exists(uploadedAt)` },
      ),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw uploadLinkUsed(error);
    throw error;
  }
}

/** A checked attachment becomes ready — only from pending, and only while the application is editable. */
export async function markAttachmentReady(store: Store, applicationId: string, ready: Attachment): Promise<void> {
  try {
    await store.transact([editableCheck(applicationId), tx.put(attachmentItem(applicationId, ready), pending)]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(0)) throw notEditable('submitted');
    if (failed.includes(1)) throw uploadLinkUsed(error);
    throw error;
  }
}

/** Forgets an attachment whose bytes failed the content check (the bytes are deleted by the caller). */
export async function discardAttachment(store: Store, applicationId: string, attachmentId: string): Promise<void> {
  await store.delete(keys.attachment(applicationId, attachmentId));
}

/**
 * Removes an attachment's record while the application is editable: 404 when there is none, 409
 * INVALID_STATE when the application was submitted meanwhile.
 */
export async function removeAttachment(store: Store, applicationId: string, attachmentId: string): Promise<void> {
  try {
    await store.transact([
      editableCheck(applicationId),
      tx.delete(keys.attachment(applicationId, attachmentId), { expression: 'attribute_exists(pk)' }),
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(1)) throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`, { cause: error });
    if (failed.includes(0)) throw notEditable('submitted');
    throw error;
  }
}
