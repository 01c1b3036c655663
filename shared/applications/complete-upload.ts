import { createHash } from 'node:crypto';
import { type Caller, signedIn } from '../access/caller';
import { getEdition } from '../editions/edition-read-store';
import { fileLimit, fileTypes } from '../editions/questionnaire';
import { AppError } from '../errors';
import { type ApplicationHeader, type Attachment, editableStatuses } from './application';
import { getHeader, notEditable } from './application-read-store';
import { discardAttachment, findAttachment, markAttachmentReady } from './attachment-store';
import { attachmentBlobKey, fileProblem, fileQuestion, kindList, mb } from './attachments';
import { sniffFileKind } from './file-type';
import type { Deps } from '../deps';

export type CompleteUploadDeps = Pick<Deps, 'store' | 'blobs'>;

export interface CompleteUploadInput {
  caller: Caller;
  applicationId: string;
  attachmentId: string;
  /** The header, when the route's ownership check has read it already (saves a read). */
  header?: ApplicationHeader;
}

/**
 * Second step: the bytes are in the blob store. Their size, their checksum (the one declared before
 * the upload) and their content (magic numbers, not the name) are checked; a file that fails is
 * deleted with its record and the answer is a 400 naming the question. A good one becomes `ready`
 * and counts as an answer — only while the application is editable, so nothing is added to a
 * submitted application.
 */
export async function completeUpload(deps: CompleteUploadDeps, input: CompleteUploadInput): Promise<Attachment> {
  const { applicationId, attachmentId } = input;
  signedIn(input.caller);
  const attachment = await findAttachment(deps.store, applicationId, attachmentId, true);
  if (!attachment) throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`);
  if (attachment.status === 'ready') return attachment;
  const header = input.header ?? (await getHeader(deps.store, applicationId, true));
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  const edition = await getEdition(deps.store, header.editionId);
  const question = fileQuestion(edition, attachment.questionId);
  const key = attachmentBlobKey(applicationId, attachmentId);
  const blob = await deps.blobs.documents.get(key);
  if (!blob) {
    throw new AppError('INVALID_STATE', 'Nothing uploaded', {
      detail: {
        pl: 'Plik nie dotarł na serwer — wyślij go ponownie.',
        en: 'The file did not reach the server — upload it again.',
      },
    });
  }
  const discard = async () => {
    await deps.blobs.documents.delete(key);
    await discardAttachment(deps.store, applicationId, attachmentId);
  };
  const limit = fileLimit(question);
  if (blob.body.length > limit || blob.body.length !== attachment.size) {
    await discard();
    throw fileProblem(question.id, {
      pl: `Plik ma ${mb(blob.body.length)}, a limit to ${mb(limit)}.`,
      en: `The file is ${mb(blob.body.length)}; the limit is ${mb(limit)}.`,
    });
  }
  const sha256 = createHash('sha256').update(blob.body).digest('hex');
  if (attachment.declaredSha256 && sha256 !== attachment.declaredSha256) {
    await discard();
    throw fileProblem(question.id, {
      pl: `Zawartość pliku „${attachment.fileName}” różni się od zgłoszonej. Dodaj plik ponownie.`,
      en: `The content of "${attachment.fileName}" differs from the declared one. Add the file again.`,
    });
  }
  const kind = sniffFileKind(blob.body);
  const allowed = fileTypes(question);
  if (!kind || !allowed.includes(kind)) {
    await discard();
    throw fileProblem(question.id, {
      pl: `Zawartość pliku „${attachment.fileName}” nie jest żadnym z dozwolonych rodzajów (${kindList(allowed)}), mimo nazwy.`,
      en: `The content of "${attachment.fileName}" is none of the allowed types (${kindList(allowed)}), whatever its name.`,
    });
  }
  const ready: Attachment = { ...attachment, status: 'ready', kind, sha256 };
  await markAttachmentReady(deps.store, applicationId, ready);
  return ready;
}
