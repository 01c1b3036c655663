import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../../shared/config';
import { lazy } from '../../shared/platform/lazy';
import type { Mailer } from '../../shared/platform/mailer';
import { sesMailer } from '../../shared/platform/mailer-ses';

/** SES for the api: loaded as its own chunk on the first request that sends mail (functions/cloud-deps.ts). */
export function sesAdapter(config: Config): Mailer {
  return sesMailer(
    lazy(() => new SESv2Client({ region: config.region })),
    config.mailFrom,
  );
}
