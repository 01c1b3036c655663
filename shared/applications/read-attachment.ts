import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { Attachment } from './application';
import { findAttachment } from './application-store';
import { attachmentBlobKey } from './attachments';
import type { Deps } from '../deps';

/**
 * The bytes of a ready attachment of this application (the route policy has checked whose it is) —
 * only if they are the bytes that were checked and recorded: a file changed in storage since is
 * never served (409, logged), so nobody downloads what the content check never saw.
 */
export async function readAttachment(
  deps: Pick<Deps, 'store' | 'blobs' | 'logger'>,
  applicationId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; body: Uint8Array }> {
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
