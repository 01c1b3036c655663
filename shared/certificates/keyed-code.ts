import { createHmac } from 'node:crypto';
import { CODE_BYTES, newCertificateCode } from './certificate-code';

/**
 * The code of an application's n-th certificate: an HMAC of (edition, application, issue number) under
 * the platform's certificate key — unguessable without the key, yet the same every time it is asked, so
 * a retried or repeated "issue" can never mint a second code for the same certificate.
 */
export function certificateCode(key: Uint8Array, editionId: string, applicationId: string, issueNo: number): string {
  const mac = createHmac('sha256', key).update(`${editionId}\n${applicationId}\n${issueNo}`).digest();
  return newCertificateCode(new Uint8Array(mac.subarray(0, CODE_BYTES)));
}
