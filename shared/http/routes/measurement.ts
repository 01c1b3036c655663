import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { MeasurementYear, OpenMeasurementInput, ParticipationInput } from '../../measurement/measurement';
import { lazyImport } from '../../platform/lazy';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import {
  InstitutionMeasurementList,
  MeasurementDetail,
  MeasurementList,
  MeasurementParticipation,
  MeasurementRanking,
  MeasurementSchema,
  PublishedMeasurementRanking,
} from '../responses/measurement';
import { commonErrors, errorResponse } from '../schemas';
import { callerOf } from '../session-cookie';

const openMeasurement = lazyImport(() => import('../../measurement/open-measurement').then((m) => m.openMeasurement));
const listMeasurements = lazyImport(() =>
  import('../../measurement/list-measurements').then((m) => m.listMeasurements),
);
const getMeasurement = lazyImport(() => import('../../measurement/get-measurement').then((m) => m.getMeasurement));
const previewMeasurement = lazyImport(() =>
  import('../../measurement/preview-measurement').then((m) => m.previewMeasurement),
);
const publishMeasurement = lazyImport(() =>
  import('../../measurement/publish-measurement').then((m) => m.publishMeasurement),
);
const listInstitutionMeasurements = lazyImport(() =>
  import('../../measurement/list-institution-measurements').then((m) => m.listInstitutionMeasurements),
);
const setMeasurementParticipation = lazyImport(() =>
  import('../../measurement/set-measurement-participation').then((m) => m.setMeasurementParticipation),
);
const getPublishedRanking = lazyImport(() =>
  import('../../measurement/get-published-ranking').then((m) => m.getPublishedRanking),
);

const tags = ['satisfaction measurement'];
const Year = z.object({ year: MeasurementYear });
const published = errorResponse('The measurement is published: it can no longer change (INVALID_STATE)');

/** The standard measurement (issue 18 §4): a yearly ranking of the institutions that opted in. */
export const measurementRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/measurements',
      describe({
        summary: 'Every year’s standard satisfaction measurement, newest first',
        operationId: 'listMeasurements',
        tags,
        responses: { 200: { description: 'The measurements', schema: MeasurementList }, ...commonErrors },
      }),
      async (c) => c.json(await listMeasurements(deps), 200),
    )
    .post(
      '/api/measurements',
      describe({
        summary: 'Open the standard measurement of a calendar year (Warsaw); institutions may then opt in',
        operationId: 'openMeasurement',
        tags,
        responses: {
          201: { description: 'Opened', schema: MeasurementSchema },
          409: errorResponse('The year already has a measurement (ALREADY_EXISTS)'),
          ...commonErrors,
        },
      }),
      validate('json', OpenMeasurementInput),
      async (c) => c.json(await openMeasurement(deps, { caller: callerOf(c, deps), ...c.req.valid('json') }), 201),
    )
    .get(
      '/api/measurements/:year',
      describe({
        summary: 'A year’s measurement and the institutions that opted in (no figures)',
        operationId: 'getMeasurement',
        tags,
        responses: { 200: { description: 'The measurement', schema: MeasurementDetail }, ...commonErrors },
      }),
      validate('param', Year),
      async (c) => c.json(await getMeasurement(deps, c.req.valid('param')), 200),
    )
    .get(
      '/api/measurements/:year/preview',
      describe({
        summary:
          'The ranking as it would be published now: per institution type, opted-in institutions only, n and 95 % intervals; the frozen one once published',
        operationId: 'previewMeasurement',
        tags,
        responses: { 200: { description: 'The ranking', schema: MeasurementRanking }, ...commonErrors },
      }),
      validate('param', Year),
      async (c) => c.json(await previewMeasurement(deps, c.req.valid('param')), 200),
    )
    .post(
      '/api/measurements/:year/publish',
      describe({
        summary: 'Publish the year’s ranking: computed now and frozen; later answers do not change it',
        operationId: 'publishMeasurement',
        tags,
        responses: {
          200: { description: 'Published', schema: PublishedMeasurementRanking },
          409: published,
          ...commonErrors,
        },
      }),
      validate('param', Year),
      async (c) =>
        c.json(await publishMeasurement(deps, { caller: callerOf(c, deps), year: c.req.valid('param').year }), 200),
    )
    .get(
      '/api/institutions/:institutionId/measurements',
      describe({
        summary: 'The measurements the institution may join, with its own participation',
        operationId: 'listInstitutionMeasurements',
        tags,
        responses: { 200: { description: 'The measurements', schema: InstitutionMeasurementList }, ...commonErrors },
      }),
      async (c) =>
        c.json(await listInstitutionMeasurements(deps, { institutionId: c.req.param('institutionId') }), 200),
    )
    .put(
      '/api/institutions/:institutionId/measurements/:year/participation',
      describe({
        summary: 'Opt in to the year’s measurement, or out again, until it is published (audited)',
        operationId: 'setMeasurementParticipation',
        tags,
        responses: {
          200: { description: 'The participation', schema: MeasurementParticipation },
          409: published,
          ...commonErrors,
        },
      }),
      validate('param', z.object({ institutionId: z.string(), year: MeasurementYear })),
      validate('json', ParticipationInput),
      async (c) =>
        c.json(
          await setMeasurementParticipation(deps, {
            caller: callerOf(c, deps),
            institutionId: c.req.param('institutionId'),
            year: c.req.valid('param').year,
            participating: c.req.valid('json').participating,
          }),
          200,
        ),
    )
    .get(
      '/api/public/measurements/:year',
      describe({
        summary:
          'The published ranking of a year: institutions that opted in, per type, with rank, movement, % satisfied, 95 % interval and n',
        operationId: 'getPublishedMeasurement',
        tags: ['public satisfaction measurement'],
        responses: { 200: { description: 'The ranking', schema: PublishedMeasurementRanking }, ...commonErrors },
      }),
      validate('param', Year),
      async (c) => c.json(await getPublishedRanking(deps, c.req.valid('param')), 200),
    );
