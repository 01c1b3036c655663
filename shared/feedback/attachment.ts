import * as z from 'zod/mini';
import { sniffFileKind } from '../applications/file-type';
import { AppError } from '../errors';

/**
 * The optional attachment of a resident's feedback (issue 18 §6): one PDF, JPEG or PNG of at most 5 MB.
 * It arrives through the platform's upload links (platform/uploads.ts) into a single-use **slot**,
 * and is copied under the feedback when the feedback is sent (docs/surveys.md, "Feedback").
 * Neither the resident's file name nor anything about the sender is kept: the office sees the type
 * and the size, and downloads it under a generated name.
 */
export const feedbackAttachmentKinds = ['pdf', 'jpeg', 'png'] as const;
export type FeedbackAttachmentKind = (typeof feedbackAttachmentKinds)[number];
export const feedbackAttachmentTypes: Record<FeedbackAttachmentKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
export const FEEDBACK_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** As the applications' messages write sizes (applications/attachments.ts), without importing the questionnaire. */
const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
/** A slot not used by then is refused (and removed by the table's TTL; its bytes by the bucket's lifecycle). */
export const FEEDBACK_SLOT_TTL_SECONDS = 60 * 60;

/** What the feedback keeps about its attachment. */
export const FeedbackAttachment = z.object({
  kind: z.enum(feedbackAttachmentKinds),
  contentType: z.string(),
  size: z.number(),
  /** Of the bytes checked at sending: a download never serves other bytes. */
  sha256: z.string(),
});
export type FeedbackAttachment = z.infer<typeof FeedbackAttachment>;

/** Where a slot's bytes are uploaded: a prefix of its own, so unreferenced uploads can expire by lifecycle. */
/** Where uploads wait for their feedback; the documents bucket expires what is left there after a day. */
export const FEEDBACK_SLOT_PREFIX = 'feedback-slots/';
export const slotBlobKey = (slotId: string) => `${FEEDBACK_SLOT_PREFIX}${slotId}`;
export function parseSlotBlobKey(key: string): string | null {
  return /^feedback-slots\/([0-9a-f]{32})$/.exec(key)?.[1] ?? null;
}
/** Where a sent feedback's attachment lives: under its office and feedback, never under a user's name. */
export const attachmentBlobKey = (institutionId: string, feedbackId: string) =>
  `feedback/${institutionId}/${feedbackId}`;

/** The name a download gets: generated, never the resident's. */
export const attachmentFileName = (feedbackId: string, kind: FeedbackAttachmentKind) =>
  `opinia-${feedbackId}.${kind === 'jpeg' ? 'jpg' : kind}`;

export const kindOfType = (contentType: string): FeedbackAttachmentKind | undefined =>
  feedbackAttachmentKinds.find((k) => feedbackAttachmentTypes[k] === contentType.split(';')[0]?.trim().toLowerCase());

/** A 400 naming the `attachment` field, in Polish and English. */
export function attachmentProblem(message: { pl: string; en: string }): AppError {
  return new AppError('VALIDATION_FAILED', message.en, { fields: { attachment: message }, detail: message });
}

export const attachmentMessages = {
  type: {
    pl: 'Załącznik może być plikiem PDF, JPEG lub PNG.',
    en: 'The attachment may be a PDF, JPEG or PNG file.',
  },
  empty: { pl: 'Plik jest pusty.', en: 'The file is empty.' },
  tooLarge: (size: number) => ({
    pl: `Plik ma ${mb(size)}, a limit to ${mb(FEEDBACK_ATTACHMENT_MAX_BYTES)}.`,
    en: `The file is ${mb(size)}; the limit is ${mb(FEEDBACK_ATTACHMENT_MAX_BYTES)}.`,
  }),
  contentType: {
    pl: 'Zawartość pliku nie jest plikiem PDF, JPEG ani PNG, mimo jego nazwy lub typu.',
    en: 'The file’s content is not a PDF, JPEG or PNG, whatever its name or type.',
  },
  differs: {
    pl: 'Zawartość pliku różni się od zgłoszonej. Dodaj plik ponownie.',
    en: 'The file’s content differs from the declared one. Add the file again.',
  },
  missing: {
    pl: 'Plik nie dotarł na serwer — dodaj go ponownie.',
    en: 'The file did not reach the server — add it again.',
  },
  unusable: {
    pl: 'Ten załącznik wygasł albo został już użyty. Dodaj plik ponownie.',
    en: 'This attachment has expired or was used already. Add the file again.',
  },
};

/** Checks the declared type and size before an upload slot is given (the bytes are checked again when sent). */
export function checkDeclared(contentType: string, size: number): FeedbackAttachmentKind {
  const kind = kindOfType(contentType);
  if (!kind) throw attachmentProblem(attachmentMessages.type);
  if (size === 0) throw attachmentProblem(attachmentMessages.empty);
  if (size > FEEDBACK_ATTACHMENT_MAX_BYTES) throw attachmentProblem(attachmentMessages.tooLarge(size));
  return kind;
}

/**
 * The kind of the uploaded bytes, judged by their magic numbers (never the declared type), or the
 * problem: empty, too large, or not a PDF, JPEG or PNG.
 */
export function checkUploaded(body: Uint8Array): FeedbackAttachmentKind {
  if (body.length === 0) throw attachmentProblem(attachmentMessages.empty);
  if (body.length > FEEDBACK_ATTACHMENT_MAX_BYTES) throw attachmentProblem(attachmentMessages.tooLarge(body.length));
  const sniffed = sniffFileKind(body);
  const kind = feedbackAttachmentKinds.find((k) => k === sniffed);
  if (!kind) throw attachmentProblem(attachmentMessages.contentType);
  return kind;
}
