import * as z from 'zod/mini';
import { headcountBrackets, institutionTypes } from '../institutions/institution';
import { aggregations, bases } from './results-settings';
import { outcomes } from './results-settings';
import { ResultsSnapshot } from './snapshot';

/**
 * The stored records of results (issue 14). Pure schemas: how they sit on the table is
 * results-store.ts, how they are computed is results-table.ts.
 */

/** Who did it, as the audit trail names them. */
const By = z.object({ userId: z.optional(z.string()), label: z.string(), name: z.optional(z.string()) });

/** An edition's results: the method that decides, the lock of the decisions, the published head. */
export const Deliberation = z.object({
  editionId: z.string(),
  aggregation: z.enum(aggregations),
  basis: z.enum(bases),
  locked: z.optional(z.object({ at: z.string(), by: By })),
  /** The newest published version (absent before publication). */
  published: z.optional(z.object({ version: z.number(), sha256: z.string(), at: z.string() })),
  version: z.number(),
  updatedAt: z.string(),
});
export type Deliberation = z.infer<typeof Deliberation>;

/** The chapter's decision about one application; without one the computed outcome stands. */
export const Decision = z.object({
  editionId: z.string(),
  applicationId: z.string(),
  outcome: z.enum(outcomes),
  /** Required when the decision differs from the computed outcome, and for every distinction. */
  reason: z.optional(z.string()),
  by: By,
  at: z.string(),
  version: z.number(),
});
export type Decision = z.infer<typeof Decision>;

/** One published version: the snapshot exactly as hashed, and who published it. */
export const PublishedVersion = z.object({
  editionId: z.string(),
  version: z.number(),
  sha256: z.string(),
  snapshot: ResultsSnapshot,
  by: By,
});
export type PublishedVersion = z.infer<typeof PublishedVersion>;

const Money = z.object({
  bracket: z.enum(headcountBrackets),
  listNet: z.number(),
  discountPercent: z.number(),
  discount: z.number(),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
});

/** An application's own result (private: the institution and organizers), written after publication. */
export const ApplicationResult = z.object({
  applicationId: z.string(),
  editionId: z.string(),
  institutionId: z.string(),
  institution: z.object({
    name: z.string(),
    nip: z.string(),
    type: z.enum(institutionTypes),
    headcount: z.enum(headcountBrackets),
    town: z.string(),
  }),
  edition: z.object({ name: z.string(), number: z.string(), year: z.number() }),
  snapshotVersion: z.number(),
  sha256: z.string(),
  publishedAt: z.string(),
  category: z.object({ code: z.string(), name: z.object({ pl: z.string(), en: z.string() }) }),
  outcome: z.enum(outcomes),
  /** The chapter's reason, for a distinction (shown to the institution). */
  distinctionReason: z.optional(z.string()),
  percent: z.number(),
  place: z.number(),
  exAequo: z.boolean(),
  categorySize: z.number(),
  /** Places up since the previous participation (+3: up three), null the first time. */
  movement: z.nullable(z.number()),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.object({ pl: z.string(), en: z.optional(z.string()) }),
      percent: z.number(),
      editionMedian: z.number(),
    }),
  ),
  /** The experts' feedback, without names, in an order that says nothing about who wrote what. */
  feedback: z.array(z.string()),
  validUntil: z.optional(z.string()),
  fee: z.optional(Money),
  returningLaureate: z.optional(z.boolean()),
});
export type ApplicationResult = z.infer<typeof ApplicationResult>;
