import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { FILES_PER_QUESTION, fileLimit, fileTypes } from '../editions/questionnaire';
import { reserveAttempts } from '../limits/attempts';
import type { UploadTicket } from '../platform/uploads';
import { type ApplicationHeader, type Attachment, editableStatuses } from './application';
import { assertWindowOpen, loadApplication, notEditable } from './application-read-store';
import { listAttachments, putPendingAttachment } from './attachment-store';
import { attachmentBlobKey, fileProblem, fileQuestion, isFileKind, kindList, mb } from './attachments';
import { contentTypeOf, kindOfFileName, safeFileName } from './file-type';

export type RequestUploadDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'uploads'>;

export interface RequestUploadInput {
  caller: Caller;
  applicationId: string;
  questionId: string;
  fileName: string;
  size: number;
  /** Hex SHA-256 of the file, computed by the browser: the upload link accepts only these bytes. */
  sha256: string;
  /** The header, when the route's ownership check has read it already (saves reading it again). */
  header?: ApplicationHeader;
}

/**
 * First step of an attachment: checks the question, the declared size and the file type named by
 * the extension, records a pending attachment and returns where to PUT the bytes. The content is
 * checked for real by `completeUpload` once the bytes are there.
 */
export async function requestUpload(
  deps: RequestUploadDeps,
  input: RequestUploadInput,
): Promise<{ attachment: Attachment; upload: UploadTicket }> {
  const { applicationId } = input;
  const principal = signedIn(input.caller);
  await reserveAttempts(deps, [{ limit: 'uploadAccount', subject: principal.userId }]);
  const { header, attachments } = input.header
    ? { header: input.header, attachments: await listAttachments(deps.store, applicationId) }
    : await loadApplication(deps.store, applicationId);
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  const edition = await getEdition(deps.store, header.editionId);
  const question = fileQuestion(edition, input.questionId);
  await assertWindowOpen(deps, edition, header);
  const allowed = fileTypes(question);
  const kind = kindOfFileName(input.fileName);
  if (!kind || !isFileKind(kind) || !allowed.includes(kind)) {
    throw fileProblem(question.id, {
      pl: `Dozwolone rodzaje plików: ${kindList(allowed)}.`,
      en: `Allowed file types: ${kindList(allowed)}.`,
    });
  }
  const limit = fileLimit(question);
  if (input.size > limit)
    throw fileProblem(question.id, {
      pl: `Plik ma ${mb(input.size)}, a limit to ${mb(limit)}.`,
      en: `The file is ${mb(input.size)}; the limit is ${mb(limit)}.`,
    });
  if (input.size === 0) throw fileProblem(question.id, { pl: 'Plik jest pusty.', en: 'The file is empty.' });
  if (attachments.filter((a) => a.questionId === question.id).length >= FILES_PER_QUESTION) {
    throw fileProblem(question.id, {
      pl: `Do jednego pytania można dodać najwyżej ${FILES_PER_QUESTION} plików.`,
      en: `At most ${FILES_PER_QUESTION} files per question.`,
    });
  }
  const attachment: Attachment = {
    attachmentId: deps.ids.newId(),
    questionId: question.id,
    fileName: safeFileName(input.fileName),
    size: input.size,
    contentType: contentTypeOf[kind],
    status: 'pending',
    declaredSha256: input.sha256.toLowerCase(),
    createdAt: deps.clock.now().toISOString(),
  };
  await putPendingAttachment(deps.store, applicationId, attachment);
  const upload = await deps.uploads.presign({
    key: attachmentBlobKey(applicationId, attachment.attachmentId),
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: input.sha256.toLowerCase(),
  });
  return { attachment, upload };
}
