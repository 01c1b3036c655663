import { MalformedJobError, processCertificateJob } from '../certificates/process-certificate-job';
import { buildExport, type ExportDeps } from '../exports/build-export';
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import { jobSchema } from './job';

export interface WorkerDeps {
  logger: Logger;
  /** Built on first need: a mail job needs no table, a certificate job no mailer. */
  exports: () => ExportDeps;
  mail: () => Mailer;
}

/**
 * The worker's entry: one queue carries every background job (exports, certificates, mail); the
 * `type` field says which handler runs it. A malformed body throws, so the queue retries it and then
 * dead-letters it.
 */
export async function processJob(deps: WorkerDeps, body: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedJobError(['body is not JSON']);
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
      await processCertificateJob(deps, body);
      return;
    case 'mail.send':
      await deps.mail().send(job.message);
      return;
  }
}
