import * as z from 'zod/mini';

/**
 * One question's figures as `survey-statistics.ts` computes them (`AspectFigures`): n, mean, % satisfied
 * with its 95 % Wilson interval and the 1–5 distribution — or only n below the minimum. One schema for
 * the stored snapshot (survey-snapshot.ts), the published measurement (measurement/measurement.ts) and
 * the results response (http/responses/surveys.ts).
 */
export const Histogram = z.readonly(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]));
export const Interval = z.object({ low: z.number(), high: z.number() });
export const AspectFiguresSchema = z.union([
  z.object({ n: z.number(), shown: z.literal(false) }),
  z.object({
    n: z.number(),
    shown: z.literal(true),
    mean: z.number(),
    satisfied: z.number(),
    interval: Interval,
    distribution: Histogram,
  }),
]);
