import { signedIn, type Caller } from '../access/caller';
import { getEdition } from '../editions/edition-store';
import { FILES_PER_QUESTION, fileLimit, fileTypes } from '../editions/questionnaire';
import { reserveAttempts } from '../limits/attempts';
import type { UploadTicket } from '../platform/uploads';
import { editableStatuses, type Attachment } from './application';
import { assertWindowOpen, editableCheck, loadApplication, notEditable } from './application-store';
import { attachmentBlobKey, attachmentItem, fileProblem, fileQuestion, kindList, mb } from './attachments';
import { contentTypeOf, kindOfFileName, safeFileName } from './file-type';
import type { Deps } from '../deps';

/**
 * First step of an attachment: checks the question, the declared size and the file type named by
 * the extension, records a pending attachment and returns where to PUT the bytes. The content is
 * checked for real by `completeUpload` once the bytes are there.
 */
export async function requestUpload(
  deps: Deps,
  applicationId: string,
  input: { questionId: string; fileName: string; size: number; sha256: string },
  caller: Caller,
): Promise<{ attachment: Attachment; upload: UploadTicket }> {
  const principal = signedIn(caller);
  await reserveAttempts(deps, [{ limit: 'uploadAccount', subject: principal.userId }]);
  const { header, attachments } = await loadApplication(deps.store, applicationId);
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  const edition = await getEdition(deps.store, header.editionId);
  const question = fileQuestion(edition, input.questionId);
  await assertWindowOpen(deps, edition, header);
  const allowed = fileTypes(question);
  const kind = kindOfFileName(input.fileName);
  if (!kind || !allowed.some((k) => k === kind)) {
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
    contentType: contentTypeOf[kind as keyof typeof contentTypeOf],
    status: 'pending',
    declaredSha256: input.sha256.toLowerCase(),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.transact([
    editableCheck(applicationId),
    { Put: { TableName: '', Item: attachmentItem(applicationId, attachment) } },
  ]);
  const upload = await deps.uploads.presign({
    key: attachmentBlobKey(applicationId, attachment.attachmentId),
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: input.sha256.toLowerCase(),
  });
  return { attachment, upload };
}
