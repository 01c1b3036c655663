import { randomBytes } from 'node:crypto';
import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findInstitution } from '../institutions/institution-store';
import { recordFailure, reserveAttempts } from '../limits/attempts';
import { addressSubject } from '../limits/address-subject';
import type { UploadTicket } from '../platform/uploads';
import { checkDeclared, FEEDBACK_SLOT_TTL_SECONDS, feedbackAttachmentTypes, slotBlobKey } from './attachment';
import { putSlot } from './attachment-store';
import { senderOf } from './submit-feedback';

export interface RequestAttachmentSlotInput {
  institutionId: string;
  /** The file's declared type (the browser's `File.type`); the bytes are sniffed again when sent. */
  contentType: string;
  size: number;
  /** Hex SHA-256 computed by the browser: the upload link accepts only these bytes. */
  sha256: string;
  caller: Caller;
  senderToken?: string;
}

export interface AttachmentSlot {
  /** 128 random bits: whoever holds it may attach the upload to one feedback, once, within the hour. */
  slotId: string;
  upload: UploadTicket;
  expiresAt: string;
}

/**
 * First step of a feedback's attachment (issue 18 §6): a single-use upload slot for one declared file.
 * Reserved under the sender's browser and address limits before anything is read, exactly like the
 * sending itself, so a burst of parallel requests is cut at the limit; every slot uses up the quota.
 * The bytes go where the platform sends every upload (a presigned S3 PUT, or the local upload route);
 * `submitFeedback` checks them and takes the slot.
 */
export async function requestAttachmentSlot(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'keyRing' | 'uploads'>,
  input: RequestAttachmentSlotInput,
): Promise<AttachmentSlot & { sender: { token: string; maxAgeSeconds: number } }> {
  const { deviceId, sender } = await senderOf(deps, input.senderToken);
  const reservation = await reserveAttempts(deps, [
    { limit: 'feedbackUploadDevice', subject: deviceId },
    { limit: 'feedbackUploadAddress', subject: addressSubject(input.caller.ip) },
  ]);
  await recordFailure(deps, reservation);
  const kind = checkDeclared(input.contentType, input.size);
  const institution = await findInstitution(deps.store, input.institutionId);
  if (!institution) throw new AppError('NOT_FOUND', 'No such institution');
  const now = deps.clock.now();
  const slotId = randomBytes(16).toString('hex');
  const sha256 = input.sha256.toLowerCase();
  const expiresAt = Math.floor(now.getTime() / 1000) + FEEDBACK_SLOT_TTL_SECONDS;
  const contentType = feedbackAttachmentTypes[kind];
  await putSlot(deps.store, {
    slotId,
    institutionId: institution.institutionId,
    contentType,
    size: input.size,
    sha256,
    createdAt: now.toISOString(),
    expiresAt,
  });
  const upload = await deps.uploads.presign({ key: slotBlobKey(slotId), contentType, size: input.size, sha256 });
  return { slotId, upload, expiresAt: new Date(expiresAt * 1000).toISOString(), sender };
}
