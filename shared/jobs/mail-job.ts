import * as z from 'zod/mini';

/** One e-mail to send off the request path (e.g. an expert's assignment digest). */
export const mailJobSchema = z.object({
  type: z.literal('mail.send'),
  message: z.object({
    to: z.string().check(z.minLength(3), z.maxLength(254)),
    subject: z.string().check(z.minLength(1), z.maxLength(500)),
    text: z.string().check(z.maxLength(200_000)),
    html: z.optional(z.string().check(z.maxLength(400_000))),
  }),
});
export type MailJob = z.infer<typeof mailJobSchema>;
