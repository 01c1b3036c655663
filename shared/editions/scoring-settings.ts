import * as z from 'zod/mini';

/** Who may see other experts' scores of the same application, before results are published. */
export const visibilityModes = ['never', 'afterOwnSubmission', 'always'] as const;
export type VisibilityMode = (typeof visibilityModes)[number];

/** The edition's scoring rules (edition settings); defaults for editions made before scoring existed. */
export const ScoringSettings = z.object({
  justificationMinLength: z.number().check(z.int(), z.gte(0), z.lte(2000)),
  visibility: z.enum(visibilityModes),
  reminderDaysBefore: z.array(z.number().check(z.int(), z.gte(1), z.lte(60))).check(z.maxLength(5)),
  /** Submitted totals further apart than this share of the maximum are a disagreement. */
  disagreementPercent: z.number().check(z.gt(0), z.lte(100)),
});
export type ScoringSettings = z.infer<typeof ScoringSettings>;

export const defaultScoringSettings = (): ScoringSettings => ({
  justificationMinLength: 30,
  visibility: 'afterOwnSubmission',
  reminderDaysBefore: [7, 1],
  disagreementPercent: 20,
});
