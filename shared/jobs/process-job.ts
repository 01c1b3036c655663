import {
  MalformedJobError,
  type ProcessCertificateJobDeps,
  processCertificateJob,
} from '../certificates/process-certificate-job';
import type { Deps } from '../deps';
import { type BuildExportDeps, buildExport } from '../exports/build-export';
import { type ReminderDeps, runScoringReminders } from '../reviews/run-scoring-reminders';
import { jobSchema } from './job';
import { isSnsNotification, parseMailFeedback } from '../mail/ses-feedback';
import { type RecordMailFeedbackDeps, recordMailFeedback } from '../mail/record-mail-feedback';
import { type WriteResultsDeps, writeApplicationResults } from '../results/write-application-results';

/**
 * What the worker has: its log, and the rest built on first need (a mail job needs no table, an
 * export no mailer), so a cold worker pays only for what its messages use.
 */
export type ProcessJobDeps = Pick<Deps, 'logger' | 'metrics'> & {
  exports: () => BuildExportDeps;
  mail: () => Deps['mail'];
  scoring: () => ReminderDeps;
  results: () => WriteResultsDeps;
  certificates: () => ProcessCertificateJobDeps;
  /** SES bounces and complaints (SNS notifications on the same queue) record suppressions. */
  mailFeedback: () => RecordMailFeedbackDeps;
};

export interface ProcessJobInput {
  /** The queue message's body: one job as JSON. */
  body: string;
}

/**
 * The worker's entry: one queue carries every background job (exports, certificates, mail); the
 * `type` field says which handler runs it. SES's bounce and complaint events arrive on it too, as SNS
 * notifications (`Type`, `TopicArn`), and become suppressions (shared/mail/). A malformed body throws,
 * so the queue retries it and then dead-letters it. Every failed attempt counts as JobsFailed (the DLQ
 * alarm says when one gave up).
 */
export async function processJob(deps: ProcessJobDeps, input: ProcessJobInput): Promise<void> {
  try {
    await runJob(deps, input);
  } catch (error) {
    deps.metrics.count('JobsFailed');
    throw error;
  }
}

async function runJob(deps: ProcessJobDeps, input: ProcessJobInput): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    throw new MalformedJobError(['body is not JSON']);
  }
  if (isSnsNotification(json)) {
    const feedbackDeps = deps.mailFeedback();
    await recordMailFeedback(feedbackDeps, parseMailFeedback(json, feedbackDeps.feedbackTopicArn));
    return;
  }
  const parsed = jobSchema.safeParse(json);
  if (!parsed.success)
    throw new MalformedJobError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  const job = parsed.data;
  switch (job.type) {
    case 'export.applications':
      await buildExport(deps.exports(), job);
      return;
    case 'certificate.issue':
      if (await processCertificateJob(deps.certificates(), job)) deps.metrics.count('CertificatesIssued');
      return;
    case 'mail.send':
      await deps.mail().send(job.message);
      return;
    case 'scoring.reminders': {
      const { sent } = await runScoringReminders(deps.scoring());
      deps.logger.info('scoring reminders', { sent });
      return;
    }
    case 'results.published': {
      const done = await writeApplicationResults(deps.results(), job);
      deps.logger.info('results written', { editionId: job.editionId, version: job.version, ...done });
      return;
    }
  }
}
