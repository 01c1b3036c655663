import * as z from 'zod/mini';
import { certificateJobSchema } from '../certificates/certificate-job';
import { exportJobSchema } from '../exports/export-job';
import { mailJobSchema } from './mail-job';
import { scoringRemindersJobSchema } from './scoring-job';
import { resultsPublishedJobSchema } from '../results/results-job';

/** Every background job the worker knows; the `type` says which handler runs it. */
export const jobSchema = z.discriminatedUnion('type', [
  exportJobSchema,
  certificateJobSchema,
  mailJobSchema,
  scoringRemindersJobSchema,
  resultsPublishedJobSchema,
]);
export type Job = z.infer<typeof jobSchema>;
