import { signedIn, type Caller } from '../access/caller';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { failedConditions } from '../store/translate-error';
import { editableStatuses } from './application';
import { editableCheck, getHeader, notEditable } from './application-store';
import { attachmentBlobKey } from './attachments';
import type { Deps } from '../deps';

/** Removes an attachment while the application is editable: the record first (in a transaction with the status check), then the bytes. */
export async function deleteAttachment(
  deps: Deps,
  applicationId: string,
  attachmentId: string,
  caller: Caller,
): Promise<void> {
  signedIn(caller);
  const header = await getHeader(deps.store, applicationId, true);
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  try {
    await deps.store.transact([
      editableCheck(applicationId),
      {
        Delete: {
          TableName: '',
          Key: keys.attachment(applicationId, attachmentId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(1)) throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`, { cause: error });
    if (failed.includes(0)) throw notEditable('submitted');
    throw error;
  }
  await deps.blobs.documents.delete(attachmentBlobKey(applicationId, attachmentId));
}
