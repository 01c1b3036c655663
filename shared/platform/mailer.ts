/** Outgoing e-mail: SES v2 in the cloud, a local outbox (shown in the UI in local mode) locally. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SentMail extends MailMessage { id: string; sentAt: string }

export interface Mailer {
  /** Resolves with the provider's message id. */
  send(message: MailMessage): Promise<string>;
}

/** The local outbox can also be read back (UI in local mode, e2e tests). */
export interface Outbox extends Mailer {
  list(): Promise<SentMail[]>;
}
