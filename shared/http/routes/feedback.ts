import { Hono } from 'hono/quick';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { FeedbackAnswerInput } from '../../feedback/answer-feedback';
import { FeedbackInput, feedbackStatuses } from '../../feedback/feedback';
import { lazyImport } from '../../platform/lazy';
import type { AppDeps, AppEnv, AppSettings } from '../deps';
import { downloadResponse } from './download';
import { describe, validate } from '../openapi/describe';
import {
  FeedbackAttachmentSlot,
  feedbackAttachmentMediaTypes,
  FeedbackReceipt,
  FeedbackStatsSchema,
  PublicFeedbackSchema,
  StaffFeedbackPage,
  StaffFeedbackSchema,
} from '../responses/feedback';
import { commonErrors, errorResponse, PageQuery } from '../schemas';
import { callerOf } from '../session-cookie';

const submitFeedback = lazyImport(() => import('../../feedback/submit-feedback').then((m) => m.submitFeedback));
const trackFeedback = lazyImport(() => import('../../feedback/track-feedback').then((m) => m.trackFeedback));

const listFeedback = lazyImport(() => import('../../feedback/list-feedback').then((m) => m.listFeedback));
const changeFeedbackStatus = lazyImport(() =>
  import('../../feedback/change-feedback-status').then((m) => m.changeFeedbackStatus),
);
const answerFeedback = lazyImport(() => import('../../feedback/answer-feedback').then((m) => m.answerFeedback));
const getFeedbackStats = lazyImport(() => import('../../feedback/get-feedback-stats').then((m) => m.getFeedbackStats));
const requestAttachmentSlot = lazyImport(() =>
  import('../../feedback/request-attachment-slot').then((m) => m.requestAttachmentSlot),
);
const getFeedbackAttachment = lazyImport(() =>
  import('../../feedback/get-feedback-attachment').then((m) => m.getFeedbackAttachment),
);

const publicTags = ['public feedback'];
const staffTags = ['feedback'];
const SlotRequest = z.object({
  /** The file's type as the browser declares it (`File.type`); the bytes are sniffed when the feedback is sent. */
  contentType: z.string().check(z.maxLength(100)),
  size: z.number().check(z.int(), z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'sha256')),
});
const StatusChange = z.object({ from: z.enum(feedbackStatuses), to: z.enum(feedbackStatuses) });
const stale = errorResponse(
  'Changed meanwhile (CONCURRENT_MODIFICATION: another tab moved or answered it) or a move the rules forbid (INVALID_STATE)',
);

/** The sender cookie (feedback/submit-feedback.ts): a signed random id, HttpOnly, sent only to the public institution routes. */
const senderCookie = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Secure-feedback-sender' : 'feedback-sender';

/** The sender's signed browser cookie (its limits), renewed by every public call that used it. */
function keepSender(
  c: Context,
  name: string,
  sender: { token: string; maxAgeSeconds: number },
  settings: Pick<AppSettings, 'secureCookies'>,
): void {
  setCookie(c, name, sender.token, {
    path: '/api/public/institutions',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'Strict',
    maxAge: sender.maxAgeSeconds,
  });
}

/** Residents' feedback with tracking codes (issue 18 §6): sending and tracking without an account; the office's inbox. */
export const feedbackRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/api/public/institutions/:institutionId/feedback',
      describe({
        summary:
          'Send a complaint, suggestion or praise to an office without an account; answers the tracking code (limited per browser and per address; no address or user agent stored)',
        operationId: 'submitFeedback',
        tags: publicTags,
        responses: {
          201: { description: 'Received: the tracking code, shown once', schema: FeedbackReceipt },
          429: errorResponse('Too much feedback from this browser or address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      validate('json', FeedbackInput),
      async (c) => {
        const name = senderCookie(deps.settings);
        const { trackingCode, sender } = await submitFeedback(deps, {
          institutionId: c.req.param('institutionId'),
          feedback: c.req.valid('json'),
          caller: callerOf(c, deps),
          senderToken: getCookie(c, name),
        });
        keepSender(c, name, sender, deps.settings);
        c.header('Cache-Control', 'no-store');
        return c.json({ trackingCode }, 201);
      },
    )
    .post(
      '/api/public/institutions/:institutionId/feedback/attachment-slots',
      describe({
        summary:
          'A single-use upload slot for a feedback’s optional attachment (PDF, JPEG or PNG, at most 5 MB): where to PUT the bytes, then send the feedback with `attachmentSlot` (limited per browser and per address, like sending)',
        operationId: 'requestFeedbackAttachmentSlot',
        tags: publicTags,
        responses: {
          201: { description: 'The slot and its upload link (expires in 15 minutes)', schema: FeedbackAttachmentSlot },
          429: errorResponse('Too many attachments from this browser or address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      validate('json', SlotRequest),
      async (c) => {
        const name = senderCookie(deps.settings);
        const { sender, ...slot } = await requestAttachmentSlot(deps, {
          institutionId: c.req.param('institutionId'),
          ...c.req.valid('json'),
          caller: callerOf(c, deps),
          senderToken: getCookie(c, name),
        });
        keepSender(c, name, sender, deps.settings);
        c.header('Cache-Control', 'no-store');
        return c.json(slot, 201);
      },
    )
    // The parameter is named `…Id` so the one path-parameter table (schemas.ts) bounds it as an id: a
    // typed code with spaces is normalized by the page before it is sent.
    .get(
      '/api/public/feedback/:trackingId',
      describe({
        summary:
          'A feedback’s status by its tracking code: category, status, dates and the public answer (lookups limited per address; unknown codes block)',
        operationId: 'trackFeedback',
        tags: publicTags,
        responses: {
          200: { description: 'The status', schema: PublicFeedbackSchema },
          429: errorResponse('Too many lookups from this address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await trackFeedback(deps, { code: c.req.param('trackingId'), caller: callerOf(c, deps) }), 200);
      },
    )
    .get(
      '/api/institutions/:institutionId/feedback',
      describe({
        summary: 'The office’s feedback inbox, newest first, all or of one status, paginated',
        operationId: 'listFeedback',
        tags: staffTags,
        responses: { 200: { description: 'A page', schema: StaffFeedbackPage }, ...commonErrors },
      }),
      validate('query', z.object({ ...PageQuery, status: z.optional(z.enum(feedbackStatuses)) })),
      async (c) => {
        const { cursor, limit, status } = c.req.valid('query');
        return c.json(
          await listFeedback(deps, {
            institutionId: c.req.param('institutionId'),
            status,
            cursor,
            limit: limit ?? 25,
          }),
          200,
        );
      },
    )
    .get(
      '/api/institutions/:institutionId/feedback/stats',
      describe({
        summary:
          'The office’s feedback analytics: count per category and month, median days to answer, share answered within 14 days',
        operationId: 'getFeedbackStats',
        tags: staffTags,
        responses: { 200: { description: 'Figures', schema: FeedbackStatsSchema }, ...commonErrors },
      }),
      async (c) => c.json(await getFeedbackStats(deps, { institutionId: c.req.param('institutionId') }), 200),
    )
    .get(
      '/api/institutions/:institutionId/feedback/:feedbackId/attachment',
      describe({
        summary: 'Download a feedback’s attachment, as an attachment under a generated name (never by tracking code)',
        operationId: 'downloadFeedbackAttachment',
        tags: staffTags,
        responses: {
          200: { description: 'The file', contentType: feedbackAttachmentMediaTypes },
          409: errorResponse('INTEGRITY_FAILED: the stored bytes differ from the recorded SHA-256; never served'),
          ...commonErrors,
        },
      }),
      async (c) => {
        const { attachment, fileName, body } = await getFeedbackAttachment(deps, {
          institutionId: c.req.param('institutionId'),
          feedbackId: c.req.param('feedbackId'),
        });
        return downloadResponse(body, attachment.contentType, fileName);
      },
    )
    .put(
      '/api/institutions/:institutionId/feedback/:feedbackId/status',
      describe({
        summary:
          'Move a feedback from the status the clerk saw to the next (409 when it changed meanwhile); mails the resident if they left an e-mail',
        operationId: 'changeFeedbackStatus',
        tags: staffTags,
        responses: { 200: { description: 'Moved', schema: StaffFeedbackSchema }, 409: stale, ...commonErrors },
      }),
      validate('json', StatusChange),
      async (c) => {
        const { from, to } = c.req.valid('json');
        return c.json(
          await changeFeedbackStatus(deps, {
            caller: callerOf(c, deps),
            institutionId: c.req.param('institutionId'),
            feedbackId: c.req.param('feedbackId'),
            from,
            to,
          }),
          200,
        );
      },
    )
    .put(
      '/api/institutions/:institutionId/feedback/:feedbackId/answer',
      describe({
        summary:
          'Set the public answer (the resident reads it by code) and/or the private note, at the version read (409 when it changed meanwhile)',
        operationId: 'answerFeedback',
        tags: staffTags,
        responses: { 200: { description: 'Saved', schema: StaffFeedbackSchema }, 409: stale, ...commonErrors },
      }),
      validate('json', FeedbackAnswerInput),
      async (c) =>
        c.json(
          await answerFeedback(deps, {
            caller: callerOf(c, deps),
            institutionId: c.req.param('institutionId'),
            feedbackId: c.req.param('feedbackId'),
            answer: c.req.valid('json'),
          }),
          200,
        ),
    );
