import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { callAws } from './aws-errors';
import type { Mailer } from './mailer';

/**
 * `ses` is called on first use (no SES client is built on a cold start that sends no mail). With a
 * configuration set, every mail names it, so its bounces and complaints reach the worker (docs/operations.md).
 */
export function sesMailer(ses: () => SESv2Client, from: string, configurationSetName?: string): Mailer {
  return {
    async send(message) {
      const out = await callAws('E-mail sending', () =>
        ses().send(
          new SendEmailCommand({
            FromEmailAddress: from,
            ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}),
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: message.text, Charset: 'UTF-8' },
                  ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
                },
              },
            },
          }),
        ),
      );
      if (!out.MessageId) throw new Error('SES returned no MessageId');
      return out.MessageId;
    },
  };
}
