import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read } from '../api';
import { i18n } from '../translation';
import { putBytes, sha256Hex } from './uploads';

/**
 * The resident's feedback pages (issue 18 §6): sending to an office and tracking by code, without an
 * account. Their own small module in the public `survey` chunk: no TanStack Query (fetching.ts).
 */
export type FeedbackToSend = InferRequestType<
  (typeof api.api.public.institutions)[':institutionId']['feedback']['$post']
>['json'];
export type TrackedFeedback = InferResponseType<(typeof api.api.public.feedback)[':trackingId']['$get'], 200>;

export const feedbackFormPath = (institutionId: string) => `/opinia/${encodeURIComponent(institutionId)}`;
export const TRACK_PATH = '/opinia/sprawdz';
export const trackPath = (code: string) => `${TRACK_PATH}?kod=${encodeURIComponent(code)}`;

export const sendFeedback = ({ institutionId, feedback }: { institutionId: string; feedback: FeedbackToSend }) =>
  read(api.api.public.institutions[':institutionId'].feedback.$post({ param: { institutionId }, json: feedback }));

/** The attachment's limits, checked in the browser for a quick answer (the server checks the bytes again). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Sending with an optional file, in the platform's upload steps: a single-use slot naming the file's
 * SHA-256, the bytes PUT to its link, then the feedback naming the slot. `onUpload` tells the page
 * the upload has started (its progress state).
 */
export async function sendFeedbackWithAttachment({
  institutionId,
  feedback,
  file,
  onUpload,
}: {
  institutionId: string;
  feedback: FeedbackToSend;
  file?: File | null;
  onUpload?: () => void;
}) {
  if (!file) return sendFeedback({ institutionId, feedback });
  onUpload?.();
  const sha256 = await sha256Hex(file);
  const slot = await read(
    api.api.public.institutions[':institutionId'].feedback['attachment-slots'].$post({
      param: { institutionId },
      json: { contentType: file.type, size: file.size, sha256 },
    }),
  );
  await putBytes(slot.upload, file, () => i18n.t('survey.feedback.attachment.uploadFailed'));
  return sendFeedback({ institutionId, feedback: { ...feedback, attachmentSlot: slot.slotId } });
}

/** What a resident typed, as the route takes it: spaces and hyphens dropped (the server reads I/L/O too). */
export const typedCode = (input: string) => input.replace(/[\s-]/g, '').toUpperCase();

export const readTrackedFeedback = (code: string) =>
  read(api.api.public.feedback[':trackingId'].$get({ param: { trackingId: typedCode(code) } }));
