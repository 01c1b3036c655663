import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Certificate, CertificateFile } from './certificate';
import { certificateBlobKey, certificateFileSpec, downloadName } from './certificate-files';
import { findCertificate, findPointer } from './certificate-store';
import { type CertificateSummary, certificateSummary } from './certificate-summary';

/** An application's current certificate, if any (the authorize middleware checked the application is the caller's). */
export async function currentCertificate(
  deps: Pick<Deps, 'store'>,
  applicationId: string,
): Promise<Certificate | null> {
  const pointer = await findPointer(deps.store, applicationId);
  return pointer ? findCertificate(deps.store, pointer.code) : null;
}

/** The institution's own certificate on its result page (issue 15 §3). */
export async function getOwnCertificate(
  deps: Pick<Deps, 'store'>,
  input: { applicationId: string },
): Promise<{ certificate: CertificateSummary | null }> {
  const cert = await currentCertificate(deps, input.applicationId);
  return { certificate: cert ? certificateSummary(cert) : null };
}

/**
 * One file of the application's current certificate. Only an issued or revoked one has files to give
 * (a revoked certificate's files say what they said; the verification page says it is revoked); any
 * other application's certificate is out of reach, because the code is taken from this application.
 */
export async function downloadCertificateFile(
  deps: Pick<Deps, 'store' | 'blobs'>,
  input: { applicationId: string; file: CertificateFile },
): Promise<{ body: Uint8Array; contentType: string; fileName: string }> {
  const cert = await currentCertificate(deps, input.applicationId);
  if (!cert || (cert.status !== 'issued' && cert.status !== 'revoked'))
    throw new AppError('NOT_FOUND', 'This certificate has not been issued yet');
  const blob = await deps.blobs.certificates.get(certificateBlobKey(cert, input.file));
  if (!blob) throw new AppError('NOT_FOUND', 'This file is missing');
  return {
    body: blob.body,
    contentType: certificateFileSpec[input.file].contentType,
    fileName: downloadName(cert, input.file),
  };
}
