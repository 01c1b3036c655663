import * as z from 'zod/mini';

/**
 * A request to render and store one laureate's certificate and emblem. Until certificates exist
 * the worker validates and acknowledges these; the shape is fixed now so producer and worker agree.
 */
export const certificateJobSchema = z.object({
  type: z.literal('certificate.issue'),
  editionId: z.string().check(z.minLength(1)),
  applicationId: z.string().check(z.minLength(1)),
  requestedAt: z.iso.datetime(),
  requestedBy: z.string().check(z.minLength(1)),
});

export type CertificateJob = z.infer<typeof certificateJobSchema>;
