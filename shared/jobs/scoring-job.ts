import * as z from 'zod/mini';

/** Run the scoring reminders of every edition in review (scheduled hourly; safe to run twice). */
export const scoringRemindersJobSchema = z.object({ type: z.literal('scoring.reminders') });
export type ScoringRemindersJob = z.infer<typeof scoringRemindersJobSchema>;
