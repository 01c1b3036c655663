import * as z from 'zod/mini';
import { CertificateData } from './certificate-data';

/**
 * A certificate as stored (issue 15): what is printed on it (`data`, frozen when it is issued, so a
 * re-render gives the same bytes), where it stands, and the chain of re-issues. Pure rules only.
 */
export const certificateStatuses = ['pending', 'issued', 'failed', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

export { type CertificateFile, certificateFiles } from './certificate-file-names';

const Actor = z.object({ userId: z.optional(z.string()), label: z.string() });

export const Certificate = z.object({
  code: z.string(),
  editionId: z.string(),
  applicationId: z.string(),
  institutionId: z.string(),
  /** 1 for the first certificate of an application, then +1 per re-issue. */
  issueNo: z.number(),
  certificateNumber: z.string(),
  /** The number's place in the edition (PU/<year>/<seq>), for ordering. */
  seq: z.number(),
  data: CertificateData,
  status: z.enum(certificateStatuses),
  /** Rendering attempts so far, and the last failure. */
  attempts: z.number(),
  error: z.optional(z.string()),
  /** Bytes of each stored file, once rendered. */
  files: z.optional(z.record(z.string(), z.number())),
  renderedAt: z.optional(z.string()),
  revoked: z.optional(z.object({ at: z.string(), reason: z.string(), by: Actor })),
  supersededBy: z.optional(z.string()),
  replaces: z.optional(z.string()),
  /** Why this one replaced the older one (re-issue). */
  reissueReason: z.optional(z.string()),
  createdAt: z.string(),
  requestedBy: Actor,
  version: z.number(),
});
export type Certificate = z.infer<typeof Certificate>;

/** An application's current certificate (the newest issue), beside the application. */
export const CertificatePointer = z.object({
  applicationId: z.string(),
  editionId: z.string(),
  institutionId: z.string(),
  code: z.string(),
  issueNo: z.number(),
});
export type CertificatePointer = z.infer<typeof CertificatePointer>;

/** "PU/2024/0007". */
export const certificateNumber = (year: number, seq: number) => `PU/${year}/${String(seq).padStart(4, '0')}`;

export const verifyPath = (code: string, language: 'pl' | 'en' = 'pl') =>
  language === 'en' ? `/en/verify/${code}` : `/weryfikacja/${code}`;

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'superseded';

/**
 * What a verifier is told: revoked and superseded whatever the date; otherwise valid until the
 * validity's end and expired from that instant on. A certificate still being rendered (or whose
 * rendering failed) has not been handed to anyone: it is unknown (null).
 */
export function verificationStatus(cert: Pick<Certificate, 'status' | 'data'>, now: Date): VerificationStatus | null {
  switch (cert.status) {
    case 'revoked':
      return 'revoked';
    case 'superseded':
      return 'superseded';
    case 'issued':
      return now.getTime() >= Date.parse(cert.data.validUntil) ? 'expired' : 'valid';
    default:
      return null;
  }
}
