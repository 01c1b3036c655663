import { newCertificateCode } from '../../../shared/certificates/certificate-code';
import { newEdition } from '../../../shared/editions/edition';
import { sampleSettings } from '../../../shared/editions/sample-edition';
import type {
  CertificateStatus,
  CertificateSummary,
  CertificatesOverview,
  Verification,
} from '../../../web/src/queries/certificates';
import type { Edition } from '../../../web/src/queries/editions';

/** Typed factories for the certificate answers of the API contract; each test overrides what it is about. */

/** Well-formed codes (their check symbols match), as the server prints them. */
export const CODE = newCertificateCode(new Uint8Array(16).fill(7));
export const NEW_CODE = newCertificateCode(new Uint8Array(16).fill(42));

export function certificate(overrides: Partial<CertificateSummary> = {}): CertificateSummary {
  const code = overrides.code ?? CODE;
  return {
    code,
    certificateNumber: 'PU/2024/0001',
    applicationId: 'app-1',
    institution: { name: 'Urząd Gminy Łęczna', town: 'Łęczna' },
    outcome: 'laureate',
    category: { pl: 'Urzędy gmin', en: 'Municipal offices' },
    status: 'issued',
    issuedAt: '2024-11-20T10:00:00.000Z',
    validUntil: '2025-11-20T10:00:00.000Z',
    verifyUrl: `http://localhost:3000/weryfikacja/${code}`,
    attempts: 1,
    ...overrides,
  };
}

export function overview(
  certificates: CertificateSummary[],
  overrides: Partial<CertificatesOverview> = {},
): CertificatesOverview {
  const counts: Record<CertificateStatus, number> = { pending: 0, issued: 0, failed: 0, revoked: 0, superseded: 0 };
  for (const c of certificates) counts[c.status] += 1;
  return {
    editionId: 'ed-1',
    published: true,
    snapshotVersion: 1,
    eligible: 2,
    signatoriesMissing: false,
    counts,
    certificates,
    ...overrides,
  };
}

export function verification(overrides: Partial<Verification> = {}): Verification {
  return {
    code: CODE,
    status: 'valid',
    certificate: {
      certificateNumber: 'PU/2024/0001',
      institution: { name: 'Urząd Gminy Łęczna', town: 'Łęczna' },
      edition: { name: 'Przyjazny Urząd', number: 'VIII edycja', year: 2024 },
      category: { pl: 'Urzędy gmin', en: 'Municipal offices' },
      outcome: 'laureate',
      issuedAt: '2024-11-20T10:00:00.000Z',
      validUntil: '2025-11-20T10:00:00.000Z',
      snapshotHash: '0123456789ab',
    },
    ...overrides,
  };
}

/** The published edition 'ed-1' as GET /api/editions/:id answers it (the signatories form reads its version). */
export function publishedEdition(overrides: Partial<Edition> = {}): Edition {
  const settings = sampleSettings(new Date('2024-01-10T10:00:00.000Z'), { number: 'VIII edycja', year: 2024 });
  return {
    ...newEdition(settings, { editionId: 'ed-1', now: '2024-01-10T10:00:00.000Z' }),
    state: 'published',
    version: 7,
    ...overrides,
  };
}
