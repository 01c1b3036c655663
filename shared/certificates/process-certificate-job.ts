import type { Deps } from '../deps';
import { type CertificateJob, certificateJobSchema } from './certificate-job';

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

export type ProcessCertificateJobDeps = Pick<Deps, 'logger'>;

/** The job, as the worker parsed it from the queue (which certificate, for whom). */
export type ProcessCertificateJobInput = Omit<CertificateJob, 'type'>;

/** The worker's use case. Rendering arrives with the certificates issue; today it acknowledges the job. */
export async function processCertificateJob(
  deps: ProcessCertificateJobDeps,
  input: ProcessCertificateJobInput,
): Promise<void> {
  deps.logger.info('certificate job acknowledged', {
    editionId: input.editionId,
    applicationId: input.applicationId,
  });
}
