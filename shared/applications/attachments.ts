import type { Edition } from '../editions/edition';
import { fileKinds, type FileKind, type Question } from '../editions/questionnaire';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import type { Attachment } from './application';

/** Blob key of an attachment: built from random ids only, never from the file name. */
export const attachmentBlobKey = (applicationId: string, attachmentId: string) =>
  `applications/${applicationId}/${attachmentId}`;

/** The ids back from an attachment's blob key (an upload link names the key); null for any other key. */
export function parseAttachmentBlobKey(key: string): { applicationId: string; attachmentId: string } | null {
  const match = /^applications\/([0-9A-Za-z_-]{1,64})\/([0-9A-Za-z_-]{1,64})$/.exec(key);
  return match ? { applicationId: match[1]!, attachmentId: match[2]! } : null;
}

export function attachmentItem(applicationId: string, a: Attachment) {
  return { ...keys.attachment(applicationId, a.attachmentId), entity: 'attachment', ...a };
}

export function fileQuestion(edition: Edition, questionId: string): Question {
  const q = edition.questionnaire.sections.flatMap((s) => s.questions).find((x) => x.id === questionId);
  if (q?.type !== 'file') {
    throw new AppError('VALIDATION_FAILED', 'Not a file question', {
      fields: { questionId: { pl: 'To pytanie nie przyjmuje plików.', en: 'This question does not take files.' } },
    });
  }
  return q;
}

const kindNames: Record<FileKind, string> = {
  pdf: 'PDF',
  png: 'PNG',
  jpeg: 'JPEG',
  docx: 'DOCX',
  xlsx: 'XLSX',
  odt: 'ODT',
};
export const kindList = (kinds: readonly FileKind[]) => kinds.map((k) => kindNames[k]).join(', ');
export const isFileKind = (v: string): v is FileKind => (fileKinds as readonly string[]).includes(v);

export function fileProblem(questionId: string, message: { pl: string; en: string }): AppError {
  return new AppError('VALIDATION_FAILED', message.en, {
    fields: { [`answers.${questionId}`]: message },
    detail: message,
  });
}

export const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
