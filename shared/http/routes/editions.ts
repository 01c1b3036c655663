import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { applicationStatuses } from '../../applications/application';
import { EditionSettings, editionStates, instant } from '../../editions/edition';
import { getEditionView } from '../../editions/get-edition-view';
import { listEditions } from '../../editions/list-editions';
import { Questionnaire } from '../../editions/questionnaire';
import { Rubric } from '../../editions/rubric';
import { exportFormats } from '../../exports/export-job';
import { institutionTypes, longText, text, voivodeships } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { ApplicationHeader, ApplicationHeaderPage } from '../responses/applications';
import {
  ApplicationCounts,
  Edition,
  EditionPage,
  EditionView,
  Export,
  Extension,
  exportMediaTypes,
} from '../responses/editions';
import { itemsOf } from '../responses/common';
import { commonErrors, errorResponse, Id, PageQuery } from '../schemas';
import { callerOf } from '../session-cookie';
import { downloadResponse } from './download';
import { lazyImport } from '../../platform/lazy';
// The group's hot reads (listEditions, getEditionView) load with it; every other use case on first call.
const getApplicationCounts = lazyImport(() =>
  import('../../applications/get-application-counts').then((m) => m.getApplicationCounts),
);
const listEditionApplications = lazyImport(() =>
  import('../../applications/list-edition-applications').then((m) => m.listEditionApplications),
);
const startApplication = lazyImport(() =>
  import('../../applications/start-application').then((m) => m.startApplication),
);
const changeEditionState = lazyImport(() =>
  import('../../editions/change-edition-state').then((m) => m.changeEditionState),
);
const cloneEdition = lazyImport(() => import('../../editions/clone-edition').then((m) => m.cloneEdition));
const createEdition = lazyImport(() => import('../../editions/create-edition').then((m) => m.createEdition));
const grantExtension = lazyImport(() => import('../../editions/grant-extension').then((m) => m.grantExtension));
const listExtensions = lazyImport(() => import('../../editions/list-extensions').then((m) => m.listExtensions));
const updateEditionSettings = lazyImport(() =>
  import('../../editions/update-edition-settings').then((m) => m.updateEditionSettings),
);
const updateQuestionnaire = lazyImport(() =>
  import('../../editions/update-questionnaire').then((m) => m.updateQuestionnaire),
);
const updateRubric = lazyImport(() => import('../../editions/update-rubric').then((m) => m.updateRubric));
const getExport = lazyImport(() => import('../../exports/get-export').then((m) => m.getExport));
const getExportFile = lazyImport(() => import('../../exports/get-export-file').then((m) => m.getExportFile));
const listExports = lazyImport(() => import('../../exports/list-exports').then((m) => m.listExports));
const requestExport = lazyImport(() => import('../../exports/request-export').then((m) => m.requestExport));

const version = z.number().check(z.int(), z.gte(0));
const SettingsEdit = z.extend(EditionSettings, {
  version,
  confirmDrafts: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
});
const RubricEdit = z.object({ rubric: Rubric, version });
const QuestionnaireEdit = z.object({ questionnaire: Questionnaire, version });
const Transition = z.object({
  to: z.enum(editionStates),
  version,
  confirmGaps: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
});
const CloneInput = z.object({
  name: z.optional(text(200)),
  number: z.optional(text(40)),
  year: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
});
const ExtensionInput = z.object({
  institutionId: Id,
  until: instant,
  reason: longText(1000),
});
const ListQuery = z.object({
  status: z.optional(z.enum(applicationStatuses)),
  category: z.optional(z.enum(institutionTypes)),
  voivodeship: z.optional(z.enum(voivodeships)),
  q: z.optional(z.string().check(z.maxLength(200))),
  ...PageQuery,
});
const ExportInput = z.object({ format: z.enum(exportFormats) });

const tags = ['editions'];
const stale = { 409: errorResponse('Changed meanwhile (STALE_VERSION) or not allowed in this state (INVALID_STATE)') };

export const editionRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/editions',
      describe({
        summary: 'Editions, newest first (drafts only for organizers)',
        operationId: 'listEditions',
        tags,
        responses: { 200: { description: 'A page', schema: EditionPage }, ...commonErrors },
      }),
      validate('query', z.object(PageQuery)),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(
          await listEditions(deps, { cursor: q.cursor, limit: q.limit ?? 20, caller: callerOf(c, deps) }),
          200,
        );
      },
    )
    .post(
      '/api/editions',
      describe({
        summary: 'Create a draft edition',
        operationId: 'createEdition',
        tags,
        responses: { 201: { description: 'Created', schema: Edition }, ...commonErrors },
      }),
      validate('json', EditionSettings),
      async (c) => c.json(await createEdition(deps, { ...c.req.valid('json'), caller: callerOf(c, deps) }), 201),
    )
    .get(
      '/api/editions/:editionId',
      describe({
        summary: 'One edition with its rubric (and derived maximum) and questionnaire',
        operationId: 'getEdition',
        tags,
        responses: { 200: { description: 'The edition', schema: EditionView }, ...commonErrors },
      }),
      async (c) =>
        c.json(await getEditionView(deps, { editionId: c.req.param('editionId'), caller: callerOf(c, deps) }), 200),
    )
    .put(
      '/api/editions/:editionId',
      describe({
        summary: 'Edit the settings (draft or open; optimistic locking)',
        operationId: 'updateEditionSettings',
        tags,
        responses: { 200: { description: 'Saved', schema: Edition }, ...stale, ...commonErrors },
      }),
      validate('json', SettingsEdit),
      async (c) =>
        c.json(
          await updateEditionSettings(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .put(
      '/api/editions/:editionId/rubric',
      describe({
        summary: 'Replace the rubric (frozen once review starts)',
        operationId: 'updateRubric',
        tags,
        responses: { 200: { description: 'Saved', schema: Edition }, ...stale, ...commonErrors },
      }),
      validate('json', RubricEdit),
      async (c) =>
        c.json(
          await updateRubric(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .put(
      '/api/editions/:editionId/questionnaire',
      describe({
        summary: 'Replace the questionnaire (draft only)',
        operationId: 'updateQuestionnaire',
        tags,
        responses: { 200: { description: 'Saved', schema: Edition }, ...stale, ...commonErrors },
      }),
      validate('json', QuestionnaireEdit),
      async (c) =>
        c.json(
          await updateQuestionnaire(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/transitions',
      describe({
        summary: 'Move the edition to its next state (guarded, audited)',
        operationId: 'changeEditionState',
        tags,
        responses: { 200: { description: 'Moved', schema: Edition }, ...stale, ...commonErrors },
      }),
      validate('json', Transition),
      async (c) =>
        c.json(
          await changeEditionState(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/clone',
      describe({
        summary: 'Copy settings, rubric and questionnaire into a new draft',
        operationId: 'cloneEdition',
        tags,
        responses: { 201: { description: 'The new draft', schema: Edition }, ...commonErrors },
      }),
      validate('json', CloneInput),
      async (c) =>
        c.json(
          await cloneEdition(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          201,
        ),
    )
    .get(
      '/api/editions/:editionId/extensions',
      describe({
        summary: 'Deadline extensions granted in this edition',
        operationId: 'listExtensions',
        tags,
        responses: { 200: { description: 'Extensions', schema: () => itemsOf(Extension()) }, ...commonErrors },
      }),
      async (c) => c.json({ items: await listExtensions(deps, { editionId: c.req.param('editionId') }) }, 200),
    )
    .post(
      '/api/editions/:editionId/extensions',
      describe({
        summary: 'Let one institution submit after the deadline (recorded, audited)',
        operationId: 'grantExtension',
        tags,
        responses: { 201: { description: 'Granted', schema: Extension }, ...commonErrors },
      }),
      validate('json', ExtensionInput),
      async (c) =>
        c.json(
          await grantExtension(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          201,
        ),
    )
    .post(
      '/api/editions/:editionId/applications',
      describe({
        summary: 'Start the caller’s institution’s application (one per institution and edition)',
        operationId: 'startApplication',
        tags: ['applications'],
        responses: {
          201: { description: 'Started', schema: ApplicationHeader },
          409: errorResponse('Already applied (ALREADY_EXISTS), deadline passed, or category not accepted'),
          ...commonErrors,
        },
      }),
      async (c) =>
        c.json(await startApplication(deps, { editionId: c.req.param('editionId'), caller: callerOf(c, deps) }), 201),
    )
    .get(
      '/api/editions/:editionId/applications',
      describe({
        summary: 'The edition’s applications: filter by status, category, voivodeship, name; paginated',
        operationId: 'listEditionApplications',
        tags: ['applications'],
        responses: { 200: { description: 'A page', schema: ApplicationHeaderPage }, ...commonErrors },
      }),
      validate('query', ListQuery),
      async (c) => {
        const { limit, ...q } = c.req.valid('query');
        return c.json(
          await listEditionApplications(deps, { ...q, limit: limit ?? 25, editionId: c.req.param('editionId') }),
          200,
        );
      },
    )
    .get(
      '/api/editions/:editionId/application-counts',
      describe({
        summary: 'Applications per status (edition dashboard)',
        operationId: 'countApplications',
        tags: ['applications'],
        responses: { 200: { description: 'Counts', schema: ApplicationCounts }, ...commonErrors },
      }),
      async (c) => c.json(await getApplicationCounts(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .get(
      '/api/editions/:editionId/exports',
      describe({
        summary: 'Recent exports of the edition',
        operationId: 'listExports',
        tags: ['exports'],
        responses: { 200: { description: 'Exports', schema: () => itemsOf(Export()) }, ...commonErrors },
      }),
      async (c) => c.json({ items: await listExports(deps, { editionId: c.req.param('editionId') }) }, 200),
    )
    .post(
      '/api/editions/:editionId/exports',
      describe({
        summary:
          'Queue an export (CSV, XLSX with answers; ZIP of attachments; the experts’ scores; the laureates’ fee list as XLSX or CSV)',
        operationId: 'requestExport',
        tags: ['exports'],
        responses: { 202: { description: 'Queued', schema: Export }, ...commonErrors },
      }),
      validate('json', ExportInput),
      async (c) =>
        c.json(
          await requestExport(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            language: c.get('lang'),
            caller: callerOf(c, deps),
          }),
          202,
        ),
    )
    .get(
      '/api/editions/:editionId/exports/:exportId',
      describe({
        summary: 'An export’s status',
        operationId: 'getExport',
        tags: ['exports'],
        responses: { 200: { description: 'Status', schema: Export }, ...commonErrors },
      }),
      async (c) =>
        c.json(await getExport(deps, { editionId: c.req.param('editionId'), exportId: c.req.param('exportId') }), 200),
    )
    .get(
      '/api/editions/:editionId/exports/:exportId/file',
      describe({
        summary: 'Download a ready export',
        operationId: 'downloadExport',
        tags: ['exports'],
        responses: { 200: { description: 'The file', contentType: exportMediaTypes }, ...commonErrors },
      }),
      async (c) => {
        const file = await getExportFile(deps, {
          editionId: c.req.param('editionId'),
          exportId: c.req.param('exportId'),
        });
        return downloadResponse(file.body, file.contentType, file.fileName);
      },
    );
