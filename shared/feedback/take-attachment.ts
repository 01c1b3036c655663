import { createHash } from 'node:crypto';
import type { Deps } from '../deps';
import {
  attachmentBlobKey,
  attachmentMessages,
  attachmentProblem,
  checkUploaded,
  type FeedbackAttachment,
  feedbackAttachmentTypes,
  slotBlobKey,
} from './attachment';
import { type FeedbackSlot, findSlot } from './attachment-store';

/**
 * The bytes of an upload slot, checked and copied under the feedback being sent (a step of
 * `submitFeedback`). The slot must be this office's, unexpired and unused; the bytes must be there,
 * be the declared ones (size and SHA-256), non-empty, at most 5 MB, and a PDF, JPEG or PNG by their
 * magic numbers. Bad bytes are deleted at once. The copy is written before the feedback, so a storage
 * failure leaves no feedback pointing at a missing file; the slot is used up by the feedback's own
 * transaction (`consumeSlot`).
 */
export async function takeAttachment(
  deps: Pick<Deps, 'store' | 'blobs'>,
  input: { slotId: string; institutionId: string; feedbackId: string; now: Date },
): Promise<{ attachment: FeedbackAttachment; slot: FeedbackSlot; blobKey: string }> {
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const slot = await findSlot(deps.store, input.slotId, nowSeconds);
  if (!slot || slot.institutionId !== input.institutionId) throw attachmentProblem(attachmentMessages.unusable);
  const uploaded = slotBlobKey(slot.slotId);
  const blob = await deps.blobs.documents.get(uploaded);
  if (!blob) throw attachmentProblem(attachmentMessages.missing);
  let kind: FeedbackAttachment['kind'];
  const sha256 = createHash('sha256').update(blob.body).digest('hex');
  try {
    kind = checkUploaded(blob.body);
    if (blob.body.length !== slot.size || sha256 !== slot.sha256) throw attachmentProblem(attachmentMessages.differs);
  } catch (error) {
    await deps.blobs.documents.delete(uploaded);
    throw error;
  }
  const attachment: FeedbackAttachment = {
    kind,
    contentType: feedbackAttachmentTypes[kind],
    size: blob.body.length,
    sha256,
  };
  const blobKey = attachmentBlobKey(input.institutionId, input.feedbackId);
  await deps.blobs.documents.put(blobKey, blob.body, attachment.contentType, { ifAbsent: true });
  return { attachment, slot, blobKey };
}
