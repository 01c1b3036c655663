/**
 * The files a certificate has, as a plain list: the HTTP layer's shared schemas (http/schemas.ts, loaded
 * by every request) name them without loading the certificate's schemas (issue 17).
 */
export const certificateFiles = [
  'pdf',
  'pdf-en',
  'emblem-svg',
  'emblem-png',
  'emblem-pdf',
  'credential-json',
  'credential-jwt',
] as const;
export type CertificateFile = (typeof certificateFiles)[number];
