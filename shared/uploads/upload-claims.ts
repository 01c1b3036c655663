import { claimUpload } from '../applications/attachment-store';
import { parseSlotBlobKey } from '../feedback/attachment';
import { claimSlotUpload } from '../feedback/attachment-store';
import { parseAttachmentBlobKey } from '../applications/attachments';
import { evidenceBlobKey, parseEvidenceBlobKey } from '../reviews/evidence';
import { claimEvidenceUpload } from '../reviews/sheet-store';
import type { Store } from '../store/store';

/**
 * Which record an upload link's blob key belongs to, and its one-time claim: an application's
 * attachment (`applications/…`), a score sheet's mystery-shopper evidence (`sheets/…`) or a resident's
 * feedback attachment slot (`feedback-slots/…`). False for
 * a key that is neither (a forged or foreign link).
 */
export async function claimUploadByKey(store: Store, key: string, now: string): Promise<boolean> {
  const attachment = parseAttachmentBlobKey(key);
  if (attachment) {
    await claimUpload(store, attachment.applicationId, attachment.attachmentId, now);
    return true;
  }
  const evidence = parseEvidenceBlobKey(key);
  if (evidence && evidenceBlobKey(evidence) === key) {
    await claimEvidenceUpload(store, evidence.applicationId, evidence.expertId, evidence.fileId, now);
    return true;
  }
  const slotId = parseSlotBlobKey(key);
  if (slotId) {
    await claimSlotUpload(store, slotId, new Date(now));
    return true;
  }
  return false;
}
