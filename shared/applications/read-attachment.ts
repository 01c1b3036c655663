import type { AppDeps } from '../http/deps';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import type { Attachment } from './application';
import { toAttachment } from './application-store';
import { attachmentBlobKey } from './attachments';

/** The bytes of a ready attachment of this application (the route policy has checked whose it is). */
export async function readAttachment(
  deps: AppDeps,
  applicationId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; body: Uint8Array }> {
  const item = await deps.store.get(keys.attachment(applicationId, attachmentId));
  if (item?.status !== 'ready') throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`);
  const attachment = toAttachment(item);
  const blob = await deps.blobs.documents.get(attachmentBlobKey(applicationId, attachmentId));
  if (!blob) throw new AppError('NOT_FOUND', `No file for attachment ${attachmentId}`);
  return { attachment, body: blob.body };
}
