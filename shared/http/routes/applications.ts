import { Hono } from 'hono/quick';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { getApplication } from '../../applications/get-application';
import { listInstitutionApplications } from '../../applications/list-institution-applications';
import { saveSection } from '../../applications/save-section';
import { instant } from '../../editions/edition';
import { FILE_MAX_BYTES } from '../../editions/questionnaire';
import { AppError } from '../../errors';
import { longText } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import {
  ApplicationHeader,
  ApplicationHeaders,
  ApplicationView,
  Attachment,
  attachmentMediaTypes,
  SectionAnswers,
  UploadTicket,
} from '../responses/applications';
import { commonErrors, errorResponse } from '../schemas';
import { callerOf } from '../session-cookie';
import { downloadResponse } from './download';
import { lazyImport } from '../../platform/lazy';
// The group's hot calls (reading an application, the autosave, the list) load with it; submitting,
// withdrawing, the formal check and attachments (with their mails, limits and sheets) on first use.
const completeUpload = lazyImport(() => import('../../applications/complete-upload').then((m) => m.completeUpload));
const deleteAttachment = lazyImport(() =>
  import('../../applications/delete-attachment').then((m) => m.deleteAttachment),
);
const decideFormalCheck = lazyImport(() =>
  import('../../applications/decide-formal-check').then((m) => m.decideFormalCheck),
);
const getAttachmentFile = lazyImport(() =>
  import('../../applications/get-attachment-file').then((m) => m.getAttachmentFile),
);
const receiveUpload = lazyImport(() => import('../../uploads/receive-upload').then((m) => m.receiveUpload));
const requestUpload = lazyImport(() => import('../../applications/request-upload').then((m) => m.requestUpload));
const submitApplication = lazyImport(() =>
  import('../../applications/submit-application').then((m) => m.submitApplication),
);
const withdrawApplication = lazyImport(() =>
  import('../../applications/withdraw-application').then((m) => m.withdrawApplication),
);

const version = z.number().check(z.int(), z.gte(0));
const SectionSave = z.object({ answers: z.record(z.string().check(z.maxLength(40)), z.unknown()), version });
const Versioned = z.object({ version });
const UploadRequest = z.object({
  questionId: z.string().check(z.minLength(1), z.maxLength(40)),
  fileName: z.string().check(z.trim(), z.minLength(1, 'notBlank'), z.maxLength(255)),
  size: z.number().check(z.int(), z.gte(0)),
  /** Hex SHA-256 of the file, computed by the browser: the upload link accepts only these bytes. */
  sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'sha256')),
});
const Decision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), version }),
  z.object({ decision: z.literal('return'), message: longText(4000), correctionDeadline: instant, version }),
  z.object({ decision: z.literal('reject'), reason: longText(4000), version }),
]);

const tags = ['applications'];
const conflicts = {
  409: errorResponse(
    'Saved meanwhile (STALE_VERSION), not editable (INVALID_STATE) or past the deadline (DEADLINE_PASSED)',
  ),
};

export const applicationRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/institutions/:institutionId/applications',
      describe({
        summary: 'The institution’s applications',
        operationId: 'listInstitutionApplications',
        tags,
        responses: { 200: { description: 'Applications', schema: ApplicationHeaders }, ...commonErrors },
      }),
      async (c) =>
        c.json(
          { items: await listInstitutionApplications(deps, { institutionId: c.req.param('institutionId') }) },
          200,
        ),
    )
    .get(
      '/api/applications/:applicationId',
      describe({
        summary: 'An application with the questionnaire, answers, attachments, completeness and the submission window',
        operationId: 'getApplication',
        tags,
        responses: { 200: { description: 'The application', schema: ApplicationView }, ...commonErrors },
      }),
      async (c) =>
        c.json(
          await getApplication(deps, {
            applicationId: c.req.param('applicationId'),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .put(
      '/api/applications/:applicationId/sections/:sectionId',
      describe({
        summary: 'Save one section’s answers (autosave; optimistic locking per section)',
        operationId: 'saveSection',
        tags,
        responses: { 200: { description: 'Saved', schema: SectionAnswers }, ...conflicts, ...commonErrors },
      }),
      validate('json', SectionSave),
      async (c) =>
        c.json(
          await saveSection(deps, {
            ...c.req.valid('json'),
            applicationId: c.req.param('applicationId'),
            sectionId: c.req.param('sectionId'),
            caller: callerOf(c, deps),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .post(
      '/api/applications/:applicationId/submit',
      describe({
        summary: 'Submit (full validation, server-clock deadline); a repeated submit returns the same submission',
        operationId: 'submitApplication',
        tags,
        responses: { 200: { description: 'Submitted', schema: ApplicationHeader }, ...conflicts, ...commonErrors },
      }),
      validate('json', Versioned),
      async (c) =>
        c.json(
          await submitApplication(deps, {
            ...c.req.valid('json'),
            applicationId: c.req.param('applicationId'),
            caller: callerOf(c, deps),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .post(
      '/api/applications/:applicationId/withdraw',
      describe({
        summary: 'Withdraw a submitted application before the deadline (it becomes editable again)',
        operationId: 'withdrawApplication',
        tags,
        responses: { 200: { description: 'Withdrawn', schema: ApplicationHeader }, ...conflicts, ...commonErrors },
      }),
      validate('json', Versioned),
      async (c) =>
        c.json(
          await withdrawApplication(deps, {
            ...c.req.valid('json'),
            applicationId: c.req.param('applicationId'),
            caller: callerOf(c, deps),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .post(
      '/api/applications/:applicationId/formal-check',
      describe({
        summary: 'Accept formally, return for correction (with a new deadline) or reject as ineligible',
        operationId: 'formalCheck',
        tags,
        responses: { 200: { description: 'Decided', schema: ApplicationHeader }, ...conflicts, ...commonErrors },
      }),
      validate('json', Decision),
      async (c) =>
        c.json(
          await decideFormalCheck(deps, {
            ...c.req.valid('json'),
            applicationId: c.req.param('applicationId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/applications/:applicationId/attachments',
      describe({
        summary: 'Start an attachment: checks type and size, answers where to PUT the bytes',
        operationId: 'requestUpload',
        tags,
        responses: { 201: { description: 'Upload ticket', schema: UploadTicket }, ...conflicts, ...commonErrors },
      }),
      validate('json', UploadRequest),
      async (c) =>
        c.json(
          await requestUpload(deps, {
            ...c.req.valid('json'),
            applicationId: c.req.param('applicationId'),
            caller: callerOf(c, deps),
            header: c.get('loaded').application,
          }),
          201,
        ),
    )
    .post(
      '/api/applications/:applicationId/attachments/:attachmentId/complete',
      describe({
        summary: 'Finish an attachment: the content is checked (a renamed .exe is refused, naming the question)',
        operationId: 'completeUpload',
        tags,
        responses: { 200: { description: 'Ready', schema: Attachment }, ...conflicts, ...commonErrors },
      }),
      async (c) =>
        c.json(
          await completeUpload(deps, {
            applicationId: c.req.param('applicationId'),
            attachmentId: c.req.param('attachmentId'),
            caller: callerOf(c, deps),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .get(
      '/api/applications/:applicationId/attachments/:attachmentId',
      describe({
        summary: 'Download an attachment',
        operationId: 'downloadAttachment',
        tags,
        responses: {
          200: { description: 'The file', contentType: attachmentMediaTypes },
          409: errorResponse('INTEGRITY_FAILED: the stored bytes differ from the recorded SHA-256; never served'),
          ...commonErrors,
        },
      }),
      async (c) => {
        const { attachment, body } = await getAttachmentFile(deps, {
          applicationId: c.req.param('applicationId'),
          attachmentId: c.req.param('attachmentId'),
        });
        return downloadResponse(body, attachment.contentType, attachment.fileName);
      },
    )
    .delete(
      '/api/applications/:applicationId/attachments/:attachmentId',
      describe({
        summary: 'Remove an attachment while the application is editable',
        operationId: 'deleteAttachment',
        tags,
        responses: { 204: { description: 'Removed' }, ...conflicts, ...commonErrors },
      }),
      async (c) => {
        await deleteAttachment(deps, {
          applicationId: c.req.param('applicationId'),
          attachmentId: c.req.param('attachmentId'),
          caller: callerOf(c, deps),
          header: c.get('loaded').application,
        });
        return c.body(null, 204);
      },
    )
    .put(
      '/api/uploads/:token',
      describe({
        summary: 'Local mode only: receives an attachment’s bytes (the cloud uses a presigned S3 URL)',
        operationId: 'receiveUpload',
        tags,
        requestBody: {
          description: 'The file’s bytes, with the content type the upload ticket names',
          contentType: '*/*',
        },
        responses: {
          204: { description: 'Stored' },
          403: errorResponse('Invalid or expired link'),
          404: errorResponse('Cloud mode (attachments go straight to S3 there), or not an upload link at all'),
          409: errorResponse('The link was used already, or the application is no longer editable (single use)'),
          ...commonErrors,
        },
      }),
      bodyLimit({
        maxSize: FILE_MAX_BYTES,
        onError: () => {
          throw new AppError('PAYLOAD_TOO_LARGE', 'File too large', {
            params: { limit: `${FILE_MAX_BYTES / 1024 / 1024} MB` },
          });
        },
      }),
      async (c) => {
        await receiveUpload(deps, {
          token: c.req.param('token'),
          body: new Uint8Array(await c.req.arrayBuffer()),
          contentType: c.req.header('content-type'),
        });
        return c.body(null, 204);
      },
    );
