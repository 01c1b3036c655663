import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { type ApplicationHeader, editableStatuses } from './application';
import { getHeader, notEditable } from './application-read-store';
import { removeAttachment } from './attachment-store';
import { attachmentBlobKey } from './attachments';

export type DeleteAttachmentDeps = Pick<Deps, 'store' | 'blobs'>;

export interface DeleteAttachmentInput {
  caller: Caller;
  applicationId: string;
  attachmentId: string;
  /** The header, when the route's ownership check has read it already (saves a read). */
  header?: ApplicationHeader;
}

/** Removes an attachment while the application is editable: the record first (in a transaction with the status check), then the bytes. */
export async function deleteAttachment(deps: DeleteAttachmentDeps, input: DeleteAttachmentInput): Promise<void> {
  const { applicationId, attachmentId } = input;
  signedIn(input.caller);
  const header = input.header ?? (await getHeader(deps.store, applicationId, true));
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  await removeAttachment(deps.store, applicationId, attachmentId);
  await deps.blobs.documents.delete(attachmentBlobKey(applicationId, attachmentId));
}
