import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { headcountBrackets, institutionTypes } from '../../institutions/institution';
import { outcomes } from '../../results/results-settings';
import {
  ApplicationResult,
  Decision as DecisionSchema,
  Deliberation as DeliberationSchema,
} from '../../results/results';
import { ResultsSnapshot as SnapshotSchema } from '../../results/snapshot';
import { responseSchema } from '../openapi/component-names';
import { CriterionSpread, itemsOf, Message } from './common';

/** The method, the lock and the published head of an edition's results (results/results.ts). */
export const Deliberation = responseSchema('Deliberation', DeliberationSchema);
export const Decision = responseSchema('Decision', DecisionSchema);
export const ResultsSnapshot = responseSchema('ResultsSnapshot', SnapshotSchema);

const ApplicationScore = lazy(() =>
  z.object({
    applicationId: z.string(),
    sheets: z.number(),
    criteria: z.record(z.string(), z.number()),
    shopper: z.number(),
    byArea: z.record(z.string(), z.number()),
    total: z.number(),
    percent: z.number(),
  }),
);

const Version = lazy(() =>
  z.object({
    version: z.number(),
    sha256: z.string(),
    publishedAt: z.string(),
    reason: z.optional(z.string()),
  }),
);

const Category = lazy(() => z.object({ code: z.string(), name: Message() }));

/** The organizer's results tab (results/get-results.ts). */
export const ResultsView = responseSchema('ResultsView', () =>
  z.object({
    editionId: z.string(),
    state: z.string(),
    maxTotal: z.number(),
    aggregation: z.string(),
    basis: z.string(),
    thresholdPercent: z.number(),
    deliberation: DeliberationSchema,
    categories: z.array(
      z.object({
        category: Category(),
        rows: z.array(
          z.object({
            applicationId: z.string(),
            institutionId: z.string(),
            name: z.string(),
            type: z.enum(institutionTypes),
            headcount: z.enum(headcountBrackets),
            raw: ApplicationScore(),
            calibrated: ApplicationScore(),
            percent: z.number(),
            areaPercents: z.record(z.string(), z.number()),
            place: z.number(),
            exAequo: z.boolean(),
            computed: z.enum(outcomes),
            decision: z.nullable(DecisionSchema),
            outcome: z.enum(outcomes),
            sheets: z.array(z.object({ expertId: z.string(), total: z.number(), percent: z.number() })),
            disagreement: z.nullable(
              z.object({
                totalSpread: z.number(),
                totalSpreadPercent: z.number(),
                totalFlagged: z.boolean(),
                criteria: z.array(CriterionSpread()),
                flagged: z.boolean(),
              }),
            ),
          }),
        ),
      }),
    ),
    experts: z.array(
      z.object({ expertId: z.string(), displayName: z.string(), sheets: z.number(), calibratable: z.boolean() }),
    ),
    distribution: z.array(z.object({ code: z.string(), bins: z.array(z.number()) })),
    versions: z.array(Version()),
    counts: z.object({
      applications: z.number(),
      laureates: z.number(),
      distinctions: z.number(),
      notAwarded: z.number(),
      overridden: z.number(),
    }),
  }),
);

/** What a publication or correction answers (results/publish-results.ts). */
export const Published = responseSchema('Published', () =>
  z.object({ version: z.number(), sha256: z.string(), publishedAt: z.string(), created: z.boolean() }),
);

/** Public: an edition's published results — laureates and distinctions only — and its versions. */
export const PublishedResults = responseSchema('PublishedResults', () =>
  z.object({ snapshot: SnapshotSchema, sha256: z.string(), versions: z.array(Version()), superseded: z.boolean() }),
);

/** Public: every edition with published results. */
export const PublishedEditions = responseSchema('PublishedEditions', () =>
  itemsOf(
    z.object({
      editionId: z.string(),
      name: z.string(),
      number: z.string(),
      year: z.number(),
      version: z.number(),
      sha256: z.string(),
      publishedAt: z.string(),
      validUntil: z.string(),
      laureates: z.number(),
      distinctions: z.number(),
    }),
  ),
);

const { institution: _institution, ...ownShape } = ApplicationResult.shape;

/** An institution's own result (private): pending before publication, then the result. */
export const OwnResult = responseSchema('OwnResult', () =>
  z.union([
    z.object({ status: z.literal('pending'), editionState: z.string() }),
    z.object({
      status: z.literal('ready'),
      result: z.object({ ...ownShape, institution: z.object({ name: z.string(), town: z.string() }) }),
    }),
  ]),
);

/** An institution's results over the years, with its movement. */
export const ResultsHistory = responseSchema('ResultsHistory', () =>
  itemsOf(
    z.object({
      editionId: z.string(),
      applicationId: z.string(),
      edition: z.object({ name: z.string(), number: z.string(), year: z.number() }),
      outcome: z.enum(outcomes),
      percent: z.number(),
      place: z.number(),
      exAequo: z.boolean(),
      categorySize: z.number(),
      category: Category(),
      movement: z.nullable(z.number()),
      publishedAt: z.string(),
    }),
  ),
);
