import type { Certificate, CertificateFile } from './certificate';

/** Where each file of a certificate is kept in the certificates bucket, its type, and its download name. */
export const certificateFileSpec: Record<CertificateFile, { name: string; contentType: string }> = {
  pdf: { name: 'certyfikat.pdf', contentType: 'application/pdf' },
  'pdf-en': { name: 'certificate-en.pdf', contentType: 'application/pdf' },
  'emblem-svg': { name: 'godlo.svg', contentType: 'image/svg+xml' },
  'emblem-png': { name: 'godlo.png', contentType: 'image/png' },
  'emblem-pdf': { name: 'godlo.pdf', contentType: 'application/pdf' },
  'credential-json': { name: 'open-badge.json', contentType: 'application/json' },
  'credential-jwt': { name: 'open-badge.jwt', contentType: 'application/jwt' },
};

/**
 * `<edition>/<code's 26 data symbols>/<file>`: the check symbol may be one of Crockford's `*~$=U`,
 * which blob keys do not allow; the 26 symbols alone are the code's 128 bits, so still unique.
 */
export const certificateBlobKey = (c: Pick<Certificate, 'editionId' | 'code'>, file: CertificateFile) =>
  `${c.editionId}/${c.code.replace(/-/g, '').slice(0, 26)}/${certificateFileSpec[file].name}`;

/** "certyfikat-PU-2024-0007.pdf", "godlo-PU-2024-0007.png"… (the number, not the code: the code is the secret-ish part). */
export function downloadName(c: Pick<Certificate, 'certificateNumber'>, file: CertificateFile): string {
  const number = c.certificateNumber.replace(/\//g, '-');
  const { name } = certificateFileSpec[file];
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${number}${name.slice(dot)}`;
}
