import { createHash } from 'node:crypto';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Attachment } from './application';
import { findAttachment } from './attachment-store';
import { attachmentBlobKey } from './attachments';

export type GetAttachmentFileDeps = Pick<Deps, 'store' | 'blobs' | 'logger'>;

export interface GetAttachmentFileInput {
  applicationId: string;
  attachmentId: string;
}

/**
 * The bytes of a ready attachment of this application (the route policy has checked whose it is) —
 * only if they are the bytes that were checked and recorded: a file changed in storage since is
 * never served (409, logged), so nobody downloads what the content check never saw. The header is
 * not needed: the attachment's key includes the application.
 */
export async function getAttachmentFile(
  deps: GetAttachmentFileDeps,
  input: GetAttachmentFileInput,
): Promise<{ attachment: Attachment; body: Uint8Array }> {
  const { applicationId, attachmentId } = input;
  const attachment = await findAttachment(deps.store, applicationId, attachmentId);
  if (attachment?.status !== 'ready') throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`);
  const blob = await deps.blobs.documents.get(attachmentBlobKey(applicationId, attachmentId));
  if (!blob) throw new AppError('NOT_FOUND', `No file for attachment ${attachmentId}`);
  const actual = createHash('sha256').update(blob.body).digest('hex');
  if (actual !== attachment.sha256) {
    deps.logger.error('attachment.integrityFailure', { applicationId, attachmentId, expected: attachment.sha256 });
    throw new AppError('INTEGRITY_FAILED', 'Stored file differs from its record');
  }
  return { attachment, body: blob.body };
}
