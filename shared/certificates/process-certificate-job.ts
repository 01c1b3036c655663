import type { Deps } from '../deps';
import type { Certificate, CertificateFile } from './certificate';
import type { CertificateJob } from './certificate-job';
import { certificateBlobKey, certificateFileSpec } from './certificate-files';
import { findCertificate, markFailed, markIssued } from './certificate-store';
import { bakePng, emblemPdf, emblemPng, emblemSvg } from './emblem';
import type { CertificateRenderer } from './render-certificate';

export class MalformedJobError extends Error {
  constructor(readonly issues: string[]) {
    super(`Malformed job: ${issues.join('; ')}`);
    this.name = 'MalformedJobError';
  }
}

/** Signs a certificate's Open Badges 3.0 credential: the JSON and its VC-JWT. */
export interface CredentialIssuer {
  issue(cert: Certificate): Promise<{ json: string; jwt: string }>;
}

export type ProcessCertificateJobDeps = Pick<Deps, 'store' | 'clock' | 'logger'> & {
  blobs: Pick<Deps['blobs'], 'certificates'>;
  /** One renderer per worker (fonts parsed once). */
  renderer: () => Promise<CertificateRenderer>;
  credentials: () => Promise<CredentialIssuer>;
};

/** The job, as the worker parsed it from the queue (which certificate). */
export type ProcessCertificateJobInput = Omit<CertificateJob, 'type'>;

/**
 * The worker's use case (issue 15 §3): renders one certificate's files from its frozen data — the
 * Polish and English PDFs, the emblem as SVG, PDF and PNG (the PNG with the signed credential baked
 * in), the credential as JSON and VC-JWT — stores them, then marks it issued. Deterministic: the same
 * record gives the same bytes, so a retried job rewrites identical files. A certificate already
 * issued, revoked or superseded is left alone; a failure is recorded (the organizer sees it) and
 * rethrown, so the queue retries and finally dead-letters the job. Answers whether this run issued it
 * (false for a job that found nothing to do), which the worker counts.
 */
export async function processCertificateJob(
  deps: ProcessCertificateJobDeps,
  input: ProcessCertificateJobInput,
): Promise<boolean> {
  const cert = await findCertificate(deps.store, input.code, true);
  if (!cert || cert.editionId !== input.editionId) {
    deps.logger.warn('certificate job for an unknown certificate', { editionId: input.editionId });
    return false;
  }
  if (cert.status !== 'pending' && cert.status !== 'failed') return false;
  try {
    const files = await renderFiles(deps, cert);
    const sizes: Record<string, number> = {};
    await Promise.all(
      Object.entries(files).map(async ([file, body]) => {
        const name = file as CertificateFile;
        sizes[name] = body.length;
        await deps.blobs.certificates.put(certificateBlobKey(cert, name), body, certificateFileSpec[name].contentType);
      }),
    );
    const issued = await markIssued(deps.store, cert.code, sizes, deps.clock.now().toISOString());
    deps.logger.info('certificate rendered', { editionId: cert.editionId, number: cert.certificateNumber, issued });
    return issued;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markFailed(deps.store, cert.code, message);
    throw error;
  }
}

export async function renderFiles(
  deps: Pick<ProcessCertificateJobDeps, 'renderer' | 'credentials'>,
  cert: Certificate,
): Promise<Record<CertificateFile, Uint8Array>> {
  const [renderer, credentials] = await Promise.all([deps.renderer(), deps.credentials()]);
  const { data } = cert;
  const emblem = { year: data.edition.year, institutionName: data.institution.name, validUntil: data.validUntil };
  const [pdf, pdfEn, emblemAsPdf, credential] = await Promise.all([
    renderer.render(data),
    renderer.render({ ...data, language: 'en', verifyUrl: data.verifyUrl.replace('/weryfikacja/', '/en/verify/') }),
    emblemPdf(emblem),
    credentials.issue(cert),
  ]);
  const text = new TextEncoder();
  return {
    pdf,
    'pdf-en': pdfEn,
    'emblem-svg': text.encode(emblemSvg(emblem)),
    'emblem-png': bakePng(emblemPng(emblem), credential.jwt),
    'emblem-pdf': emblemAsPdf,
    'credential-json': text.encode(credential.json),
    'credential-jwt': text.encode(credential.jwt),
  };
}
