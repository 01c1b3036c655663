import { createHash } from 'node:crypto';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { attachmentBlobKey, attachmentFileName, type FeedbackAttachment } from './attachment';
import { findFeedback } from './feedback-store';

/**
 * The attachment of a feedback of this office (the route's policy checked the caller is its staff),
 * under a generated name — only the bytes that were checked when it was sent: bytes changed in
 * storage since are never served (409, logged).
 */
export async function getFeedbackAttachment(
  deps: Pick<Deps, 'store' | 'blobs' | 'logger'>,
  input: { institutionId: string; feedbackId: string },
): Promise<{ attachment: FeedbackAttachment; fileName: string; body: Uint8Array }> {
  const { institutionId, feedbackId } = input;
  const feedback = await findFeedback(deps.store, institutionId, feedbackId);
  const attachment = feedback?.attachment;
  if (!attachment) throw new AppError('NOT_FOUND', `No attachment for feedback ${feedbackId}`);
  const blob = await deps.blobs.documents.get(attachmentBlobKey(institutionId, feedbackId));
  if (!blob) throw new AppError('NOT_FOUND', `No file for feedback ${feedbackId}`);
  if (createHash('sha256').update(blob.body).digest('hex') !== attachment.sha256) {
    deps.logger.error('feedback.attachmentIntegrityFailure', { institutionId, feedbackId });
    throw new AppError('INTEGRITY_FAILED', 'Stored file differs from its record');
  }
  return { attachment, fileName: attachmentFileName(feedbackId, attachment.kind), body: blob.body };
}
