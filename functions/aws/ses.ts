import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../../shared/config';
import { type SuppressionCheckDeps, suppressingMailer } from '../../shared/mail/suppressing-mailer';
import { lazy } from '../../shared/platform/lazy';
import type { Mailer } from '../../shared/platform/mailer';
import { sesMailer } from '../../shared/platform/mailer-ses';

/**
 * SES for the api: loaded as its own chunk on the first request that sends mail (functions/cloud-deps.ts),
 * with the suppression check (one GetItem per mail) in the same chunk, so requests without mail pay for neither.
 */
export function sesAdapter(config: Config, deps: SuppressionCheckDeps): Mailer {
  return suppressingMailer(
    sesMailer(
      lazy(() => new SESv2Client({ region: config.region })),
      config.mailFrom,
      config.mailConfigurationSet,
    ),
    () => deps,
  );
}
