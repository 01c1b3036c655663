import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { mysteryShopperChannels } from '../../editions/rubric';
import { longText } from '../../institutions/institution';
import { askToReconsider } from '../../reviews/ask-to-reconsider';
import { completeEvidenceUpload } from '../../reviews/complete-evidence-upload';
import { deleteEvidence } from '../../reviews/delete-evidence';
import { evidenceKinds } from '../../reviews/evidence';
import { getEvidenceFile } from '../../reviews/get-evidence-file';
import { requestEvidenceUpload } from '../../reviews/request-evidence-upload';
import { getReview } from '../../reviews/get-review';
import { getReviewAttachment } from '../../reviews/get-review-attachment';
import { getScoringProgress } from '../../reviews/get-scoring-progress';
import { listApplicationSheets } from '../../reviews/list-application-sheets';
import { listMyReviews } from '../../reviews/list-my-reviews';
import { reopenSheet } from '../../reviews/reopen-sheet';
import { saveSheet } from '../../reviews/save-sheet';
import { SheetContent } from '../../reviews/sheet';
import { submitSheet } from '../../reviews/submit-sheet';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { attachmentMediaTypes } from '../responses/applications';
import {
  ApplicationSheets,
  EvidenceTicket,
  MyReviews,
  Reopened,
  ReviewView,
  ScoreSheet,
  ScoringProgress,
  StoredEvidence,
} from '../responses/reviews';
import { commonErrors, errorResponse, noContent } from '../schemas';
import { contentTypeOf } from '../../applications/file-type';
import { callerOf } from '../session-cookie';
import { downloadResponse } from './download';

const version = z.number().check(z.int(), z.gte(0), z.lte(1_000_000));
const SaveSheet = z.extend(SheetContent, { version });
const SubmitSheet = z.object({ version });
const Reason = z.object({ reason: longText(2000) });
const EvidenceRequest = z.object({
  channel: z.enum(mysteryShopperChannels),
  fileName: z.string().check(z.trim(), z.minLength(1, 'notBlank'), z.maxLength(255)),
  size: z.number().check(z.int(), z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'sha256')),
});
const Reconsider = z.object({ message: longText(2000) });

const expertTags = ['reviews'];
const organizerTags = ['scoring'];
const notOpen = errorResponse(
  'Scoring is not open (INVALID_STATE), the sheet is submitted, or it was saved meanwhile (STALE_VERSION)',
);

const evidence = (c: { req: { param: (name: 'editionId' | 'applicationId' | 'fileId') => string } }) => ({
  editionId: c.req.param('editionId'),
  applicationId: c.req.param('applicationId'),
  fileId: c.req.param('fileId'),
});

const review = (c: { req: { param: (name: 'editionId' | 'applicationId') => string } }) => ({
  editionId: c.req.param('editionId'),
  applicationId: c.req.param('applicationId'),
});

/** Experts read and score the applications of their committed assignment (issue 13). */
export const reviewRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/expert/editions/:editionId/reviews',
      describe({
        summary: 'The caller’s applications to score in an edition, with the state of their own sheets',
        operationId: 'listMyReviews',
        tags: expertTags,
        responses: { 200: { description: 'To-do list', schema: MyReviews }, ...commonErrors },
      }),
      async (c) =>
        c.json(await listMyReviews(deps, { editionId: c.req.param('editionId'), caller: callerOf(c, deps) }), 200),
    )
    .get(
      '/api/expert/editions/:editionId/reviews/:applicationId',
      describe({
        summary:
          'An assigned application to score: answers, attachments, rubric, the caller’s sheet, and others’ sheets as the edition’s visibility rule allows',
        operationId: 'getReview',
        tags: expertTags,
        responses: { 200: { description: 'The review', schema: ReviewView }, ...commonErrors },
      }),
      async (c) => c.json(await getReview(deps, { ...review(c), caller: callerOf(c, deps) }), 200),
    )
    .get(
      '/api/expert/editions/:editionId/reviews/:applicationId/attachments/:attachmentId',
      describe({
        summary: 'Download an attachment of an assigned application',
        operationId: 'downloadReviewAttachment',
        tags: expertTags,
        responses: {
          200: { description: 'The file', contentType: attachmentMediaTypes },
          409: errorResponse('INTEGRITY_FAILED: the stored bytes differ from the recorded SHA-256; never served'),
          ...commonErrors,
        },
      }),
      async (c) => {
        const { attachment, body } = await getReviewAttachment(deps, {
          ...review(c),
          attachmentId: c.req.param('attachmentId'),
          caller: callerOf(c, deps),
        });
        return downloadResponse(body, attachment.contentType, attachment.fileName);
      },
    )
    .put(
      '/api/expert/editions/:editionId/reviews/:applicationId',
      describe({
        summary: 'Autosave the caller’s draft sheet from the version it was edited from (0 for a new sheet)',
        operationId: 'saveSheet',
        tags: expertTags,
        responses: { 200: { description: 'Saved', schema: ScoreSheet }, 409: notOpen, ...commonErrors },
      }),
      validate('json', SaveSheet),
      async (c) => {
        const { version, ...content } = c.req.valid('json');
        return c.json(await saveSheet(deps, { ...review(c), content, version, caller: callerOf(c, deps) }), 200);
      },
    )
    .post(
      '/api/expert/editions/:editionId/reviews/:applicationId/submit',
      describe({
        summary: 'Submit the sheet (complete, justified); idempotent for the same version; read-only afterwards',
        operationId: 'submitSheet',
        tags: expertTags,
        responses: { 200: { description: 'Submitted', schema: ScoreSheet }, 409: notOpen, ...commonErrors },
      }),
      validate('json', SubmitSheet),
      async (c) =>
        c.json(await submitSheet(deps, { ...review(c), ...c.req.valid('json'), caller: callerOf(c, deps) }), 200),
    )
    .post(
      '/api/expert/editions/:editionId/reviews/:applicationId/evidence',
      describe({
        summary: 'Start an evidence file (photo or PDF) of a mystery-shopper contact on the caller’s draft sheet',
        operationId: 'requestEvidenceUpload',
        tags: expertTags,
        responses: {
          201: { description: 'Where to PUT the bytes', schema: EvidenceTicket },
          409: notOpen,
          ...commonErrors,
        },
      }),
      validate('json', EvidenceRequest),
      async (c) =>
        c.json(
          await requestEvidenceUpload(deps, { ...review(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          201,
        ),
    )
    .post(
      '/api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId/complete',
      describe({
        summary: 'Check the uploaded evidence (size, SHA-256, content) and attach it to the contact',
        operationId: 'completeEvidenceUpload',
        tags: expertTags,
        responses: { 200: { description: 'Ready', schema: StoredEvidence }, 409: notOpen, ...commonErrors },
      }),
      async (c) => c.json(await completeEvidenceUpload(deps, { ...evidence(c), caller: callerOf(c, deps) }), 200),
    )
    .get(
      '/api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId',
      describe({
        summary: 'Download one of the caller’s evidence files',
        operationId: 'downloadEvidence',
        tags: expertTags,
        responses: {
          200: { description: 'The file', contentType: evidenceKinds.map((k) => contentTypeOf[k]) },
          409: errorResponse('INTEGRITY_FAILED: the stored bytes differ from the recorded SHA-256; never served'),
          ...commonErrors,
        },
      }),
      async (c) => {
        const found = await getEvidenceFile(deps, { ...evidence(c), caller: callerOf(c, deps) });
        return downloadResponse(found.body, found.evidence.contentType, found.evidence.fileName);
      },
    )
    .delete(
      '/api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId',
      describe({
        summary: 'Remove an evidence file from the caller’s draft sheet',
        operationId: 'deleteEvidence',
        tags: expertTags,
        responses: { 204: noContent, 409: notOpen, ...commonErrors },
      }),
      async (c) => {
        await deleteEvidence(deps, { ...evidence(c), caller: callerOf(c, deps) });
        return c.body(null, 204);
      },
    )
    .get(
      '/api/editions/:editionId/scoring',
      describe({
        summary: 'Scoring progress per expert and application, with the disagreements',
        operationId: 'getScoringProgress',
        tags: organizerTags,
        responses: { 200: { description: 'Progress', schema: ScoringProgress }, ...commonErrors },
      }),
      async (c) => c.json(await getScoringProgress(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .get(
      '/api/editions/:editionId/scoring/applications/:applicationId/sheets',
      describe({
        summary: 'Every sheet of one application, with its expert and total',
        operationId: 'listApplicationSheets',
        tags: organizerTags,
        responses: { 200: { description: 'Sheets', schema: ApplicationSheets }, ...commonErrors },
      }),
      async (c) => c.json(await listApplicationSheets(deps, review(c)), 200),
    )
    .post(
      '/api/editions/:editionId/scoring/applications/:applicationId/sheets/:expertId/reopen',
      describe({
        summary: 'Reopen a submitted sheet with a reason (audited; the expert is mailed)',
        operationId: 'reopenSheet',
        tags: organizerTags,
        responses: {
          200: { description: 'Reopened', schema: ScoreSheet },
          409: errorResponse('Scoring not open, the sheet is not submitted, or it changed meanwhile'),
          ...commonErrors,
        },
      }),
      validate('json', Reason),
      async (c) =>
        c.json(
          await reopenSheet(deps, {
            ...review(c),
            expertId: c.req.param('expertId'),
            reason: c.req.valid('json').reason,
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/scoring/applications/:applicationId/reconsider',
      describe({
        summary: 'Ask the experts of an application to reconsider: reopens every submitted sheet with the message',
        operationId: 'askToReconsider',
        tags: organizerTags,
        responses: {
          200: { description: 'Sheets reopened', schema: Reopened },
          409: errorResponse('No submitted sheets, or scoring not open'),
          ...commonErrors,
        },
      }),
      validate('json', Reconsider),
      async (c) =>
        c.json(
          await askToReconsider(deps, {
            ...review(c),
            message: c.req.valid('json').message,
            caller: callerOf(c, deps),
          }),
          200,
        ),
    );
