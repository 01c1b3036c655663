import * as z from 'zod/mini';

/** A request to render and store one certificate's files (PDFs, emblem, credential); the API queues one per certificate. */
export const certificateJobSchema = z.object({
  type: z.literal('certificate.issue'),
  editionId: z.string().check(z.minLength(1)),
  applicationId: z.string().check(z.minLength(1)),
  /** The certificate to render (its record holds everything printed). */
  code: z.string().check(z.minLength(1), z.maxLength(40)),
  requestedAt: z.iso.datetime(),
  requestedBy: z.string().check(z.minLength(1)),
});

export type CertificateJob = z.infer<typeof certificateJobSchema>;
