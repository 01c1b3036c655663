import { certificateJobSchema, type CertificateJob } from './certificate-job';
import type { Logger } from '../platform/logger';

export class MalformedJobError extends Error {
  constructor(readonly issues: string[]) {
    super(`Malformed job: ${issues.join('; ')}`);
    this.name = 'MalformedJobError';
  }
}

/** Parses one queue message body; a malformed one throws so the queue retries it and then dead-letters it. */
export function parseCertificateJob(body: string): CertificateJob {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedJobError(['body is not JSON']);
  }
  const parsed = certificateJobSchema.safeParse(json);
  if (!parsed.success) {
    throw new MalformedJobError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}

/** The worker's use case. Rendering arrives with the certificates issue; today it validates and acknowledges. */
export async function processCertificateJob(deps: { logger: Logger }, body: string): Promise<CertificateJob> {
  const job = parseCertificateJob(body);
  deps.logger.info('certificate job acknowledged', {
    editionId: job.editionId,
    applicationId: job.applicationId,
  });
  return job;
}
