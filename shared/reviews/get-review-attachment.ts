import { type Caller, signedIn } from '../access/caller';
import type { Attachment } from '../applications/application';
import { getAttachmentFile } from '../applications/get-attachment-file';
import type { Deps } from '../deps';
import { assignedApplication } from './review-access';

/**
 * An attachment of an application the expert was asked to judge (issue 13 §1): the same integrity
 * checked bytes the institution uploaded, only for a pair in their committed, unflagged assignment
 * (404 otherwise, like an id that does not exist).
 */
export async function getReviewAttachment(
  deps: Pick<Deps, 'store' | 'blobs' | 'logger'>,
  input: { caller: Caller; editionId: string; applicationId: string; attachmentId: string },
): Promise<{ attachment: Attachment; body: Uint8Array }> {
  const me = signedIn(input.caller);
  await assignedApplication(deps, { ...input, expertId: me.userId });
  return getAttachmentFile(deps, { applicationId: input.applicationId, attachmentId: input.attachmentId });
}
