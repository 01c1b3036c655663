import type { Certificate, CertificateStatus } from './certificate';

/** How a certificate is listed to the organizer and shown to its institution (docs: certs contract). */
export interface CertificateSummary {
  code: string;
  certificateNumber: string;
  applicationId: string;
  institution: { name: string; town: string };
  outcome: Certificate['data']['outcome'];
  category: { pl: string; en: string };
  status: CertificateStatus;
  issuedAt: string;
  validUntil: string;
  verifyUrl: string;
  revoked?: { at: string; reason: string };
  supersededBy?: string;
  replaces?: string;
  error?: string;
  attempts: number;
}

export function certificateSummary(c: Certificate): CertificateSummary {
  return {
    code: c.code,
    certificateNumber: c.certificateNumber,
    applicationId: c.applicationId,
    institution: c.data.institution,
    outcome: c.data.outcome,
    category: c.data.category,
    status: c.status,
    issuedAt: c.data.issuedAt,
    validUntil: c.data.validUntil,
    verifyUrl: c.data.verifyUrl,
    ...(c.revoked ? { revoked: { at: c.revoked.at, reason: c.revoked.reason } } : {}),
    ...(c.supersededBy ? { supersededBy: c.supersededBy } : {}),
    ...(c.replaces ? { replaces: c.replaces } : {}),
    ...(c.status === 'failed' && c.error ? { error: c.error } : {}),
    attempts: c.attempts,
  };
}
