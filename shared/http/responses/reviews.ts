import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { Questionnaire } from '../../editions/questionnaire';
import { mysteryShopperChannels, Rubric } from '../../editions/rubric';
import { ScoringSettings } from '../../editions/scoring-settings';
import { EvidenceFile, ScoreSheet as ScoreSheetSchema, sheetStatuses } from '../../reviews/sheet';
import { responseSchema } from '../openapi/component-names';
import { Answers, Attachment } from './applications';
import { CriterionSpread, itemsOf, Message } from './common';

/** One expert's score sheet (reviews/sheet.ts). */
export const ScoreSheet = responseSchema('ScoreSheet', ScoreSheetSchema);

/** A sheet's weighted total as the rubric counts it (reviews/scoring.ts). */
export const SheetTotal = responseSchema('SheetTotal', () =>
  z.object({
    criteria: z.number(),
    shopper: z.number(),
    total: z.number(),
    byArea: z.record(z.string(), z.number()),
    byChannel: z.partialRecord(z.enum(mysteryShopperChannels), z.number()),
  }),
);

export const StoredEvidence = responseSchema('StoredEvidence', () =>
  z.extend(EvidenceFile, {
    applicationId: z.string(),
    expertId: z.string(),
    channel: z.string(),
    createdAt: z.string(),
  }),
);

/** Another expert's submitted sheet as a chapter member may see it: "Ekspert 1, 2…", never who. */
const OtherSheet = lazy(() =>
  z.object({
    label: Message(),
    status: z.enum(sheetStatuses),
    scores: z.record(z.string(), z.number()),
    areaJustifications: z.record(z.string(), z.string()),
    criterionJustifications: z.record(z.string(), z.string()),
    feedback: z.string(),
    privateNote: z.string(),
    total: z.number(),
  }),
);

/** The expert's page for one assigned application (reviews/get-review.ts). */
export const ReviewView = responseSchema('ReviewView', () =>
  z.object({
    edition: z.object({
      editionId: z.string(),
      name: z.string(),
      number: z.string(),
      state: z.string(),
      deadline: z.string(),
      rubric: Rubric,
      maxTotal: z.number(),
      scoring: ScoringSettings,
    }),
    application: z.object({
      applicationId: z.string(),
      institution: z.object({ name: z.string(), type: z.string(), voivodeship: z.string(), headcount: z.string() }),
      submittedAt: z.optional(z.string()),
    }),
    questionnaire: Questionnaire,
    sections: z.record(z.string(), Answers()),
    attachments: z.array(Attachment()),
    sheet: ScoreSheet(),
    evidence: z.array(StoredEvidence()),
    total: SheetTotal(),
    others: z.nullable(z.array(OtherSheet())),
  }),
);

/** The expert's to-do list in an edition (reviews/list-my-reviews.ts). */
export const MyReviews = responseSchema('MyReviews', () =>
  z.object({
    deadline: z.string(),
    state: z.string(),
    maxTotal: z.number(),
    items: z.array(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        status: z.enum([...sheetStatuses, 'new']),
        total: z.nullable(z.number()),
        updatedAt: z.nullable(z.string()),
        reopened: z.nullable(z.object({ reason: z.string(), at: z.string() })),
      }),
    ),
  }),
);

/** The organizer's "Ocena" tab: progress per expert and application, and the disagreements. */
export const ScoringProgress = responseSchema('ScoringProgress', () =>
  z.object({
    deadline: z.string(),
    maxTotal: z.number(),
    disagreementPercent: z.number(),
    experts: z.array(
      z.object({
        expertId: z.string(),
        displayName: z.string(),
        email: z.string(),
        assigned: z.number(),
        notStarted: z.number(),
        inProgress: z.number(),
        submitted: z.number(),
        overdue: z.number(),
      }),
    ),
    applications: z.array(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        expected: z.number(),
        submitted: z.number(),
        inProgress: z.number(),
        awaitingReplacement: z.number(),
        totals: z.array(z.object({ expertId: z.string(), displayName: z.string(), total: z.number() })),
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
    summary: z.object({
      pairs: z.number(),
      submitted: z.number(),
      inProgress: z.number(),
      notStarted: z.number(),
      disagreements: z.number(),
    }),
  }),
);

/** Every sheet of one application, named (the organizer sees everything). */
export const ApplicationSheets = responseSchema('ApplicationSheets', () =>
  itemsOf(z.extend(ScoreSheetSchema, { expertName: z.string(), expertEmail: z.string(), total: SheetTotal() })),
);

export const Reopened = responseSchema('Reopened', () => z.object({ reopened: z.number() }));

/** A started evidence file and where to PUT its bytes (once). */
export const EvidenceTicket = responseSchema('EvidenceTicket', () =>
  z.object({
    evidence: StoredEvidence(),
    upload: z.object({
      url: z.string(),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  }),
);
