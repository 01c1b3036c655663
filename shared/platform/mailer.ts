import * as z from 'zod/mini';

/** Outgoing e-mail: SES v2 in the cloud, a local outbox (shown in the UI in local mode) locally. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** A message as the local outbox keeps it (also the shape it is read back with). */
export const sentMailSchema = z.object({
  id: z.string(),
  sentAt: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.optional(z.string()),
});
export type SentMail = z.infer<typeof sentMailSchema>;

export interface Mailer {
  /** Resolves with the provider's message id. */
  send(message: MailMessage): Promise<string>;
}

/** The local outbox can also be read back (UI in local mode, e2e tests). */
export interface Outbox extends Mailer {
  list(): Promise<SentMail[]>;
}
