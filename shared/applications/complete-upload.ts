import { createHash } from 'node:crypto';
import { signedIn, type Caller } from '../access/caller';
import { getEdition } from '../editions/edition-store';
import { fileLimit, fileTypes } from '../editions/questionnaire';
import { AppError } from '../errors';
import type { AppDeps } from '../http/deps';
import { keys } from '../store/keys';
import type { Attachment } from './application';
import { getHeader, toAttachment } from './application-store';
import { attachmentBlobKey, attachmentItem, fileProblem, fileQuestion, kindList, mb } from './attachments';
import { sniffFileKind } from './file-type';

/**
 * Second step: the bytes are in the blob store. Their size and their content (magic numbers, not
 * the name) are checked; a file that fails is deleted with its record and the answer is a 400
 * naming the question. A good one becomes `ready` and counts as an answer.
 */
export async function completeUpload(
  deps: AppDeps,
  applicationId: string,
  attachmentId: string,
  caller: Caller,
): Promise<Attachment> {
  signedIn(caller);
  const item = await deps.store.get(keys.attachment(applicationId, attachmentId), { consistent: true });
  if (!item) throw new AppError('NOT_FOUND', `No attachment ${attachmentId}`);
  const attachment = toAttachment(item);
  if (attachment.status === 'ready') return attachment;
  const header = await getHeader(deps.store, applicationId);
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
    await deps.store.delete(keys.attachment(applicationId, attachmentId));
  };
  const limit = fileLimit(question);
  if (blob.body.length > limit || blob.body.length !== attachment.size) {
    await discard();
    throw fileProblem(question.id, {
      pl: `Plik ma ${mb(blob.body.length)}, a limit to ${mb(limit)}.`,
      en: `The file is ${mb(blob.body.length)}; the limit is ${mb(limit)}.`,
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
  const ready: Attachment = {
    ...attachment,
    status: 'ready',
    kind,
    sha256: createHash('sha256').update(blob.body).digest('hex'),
  };
  await deps.store.put(attachmentItem(applicationId, ready), { expression: 'attribute_exists(pk)' });
  return ready;
}
