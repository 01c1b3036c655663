import * as z from 'zod/mini';
import { instant } from '../editions/instant';
import { mysteryShopperChannels } from '../editions/rubric';

/**
 * A score sheet: one expert's review of one assigned application (issue 13). Scores per criterion,
 * a justification per area (and for the lowest or highest score of a criterion), feedback for the
 * institution (shown after publication, without the expert's name), a private note for the chapter,
 * and the mystery-shopper contacts with their ticked checklists. The channel points are derived from
 * the ticks by the server, never typed.
 */
export const sheetStatuses = ['draft', 'submitted'] as const;
export type SheetStatus = (typeof sheetStatuses)[number];

export const tickValues = ['met', 'partly', 'notMet'] as const;
export type Tick = (typeof tickValues)[number];

const code = z.string().check(z.maxLength(40));
const longText = (max: number) => z.string().check(z.maxLength(max));

export const EvidenceFile = z.object({
  fileId: z.string(),
  fileName: z.string(),
  size: z.number(),
  contentType: z.string(),
  status: z.enum(['pending', 'ready']),
  declaredSha256: z.optional(z.string()),
  uploadedAt: z.optional(z.string()),
  sha256: z.optional(z.string()),
  kind: z.optional(z.string()),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** What the expert writes about one mystery-shopper contact. */
export const ContactInput = z.object({
  at: z.optional(instant),
  asked: z.optional(longText(2000)),
  notes: z.optional(longText(4000)),
  ticks: z.record(code, z.enum(tickValues)),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const Contact = z.extend(ContactInput, { evidence: z.optional(z.array(EvidenceFile)) });
export type Contact = z.infer<typeof Contact>;

/** The part of a sheet an expert edits (autosaved as a draft). */
export const SheetContent = z.object({
  scores: z.record(code, z.number()),
  areaJustifications: z.record(code, longText(8000)),
  criterionJustifications: z.record(code, longText(4000)),
  feedback: longText(8000),
  privateNote: longText(8000),
  contacts: z.partialRecord(z.enum(mysteryShopperChannels), Contact),
});
export type SheetContent = z.infer<typeof SheetContent>;

export const ScoreSheet = z.extend(SheetContent, {
  editionId: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  status: z.enum(sheetStatuses),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.optional(z.string()),
  /** The organizer reopened a submitted sheet: when, by whom, why. */
  reopened: z.optional(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
});
export type ScoreSheet = z.infer<typeof ScoreSheet>;

export const emptySheetContent = (): SheetContent => ({
  scores: {},
  areaJustifications: {},
  criterionJustifications: {},
  feedback: '',
  privateNote: '',
  contacts: {},
});
