import * as z from 'zod/mini';

/** After a version is published: write every application's own result, then mail the applicants in batches. */
export const resultsPublishedJobSchema = z.object({
  type: z.literal('results.published'),
  editionId: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.gte(1)),
});

/** Result mails are sent fifty at a time (claims first, so a retried job mails nobody twice). */
export const resultMailBatch = 50;
