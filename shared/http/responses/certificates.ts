import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { certificateStatuses } from '../../certificates/certificate';
import { certificateOutcomes } from '../../certificates/certificate-data';
import { responseSchema } from '../openapi/component-names';

const Localized = lazy(() => z.object({ pl: z.string(), en: z.string() }));
const outcome = lazy(() => z.enum(certificateOutcomes));

/** A certificate as the organizer lists it and its institution sees it (certificates/certificate-summary.ts). */
export const CertificateSummary = responseSchema('CertificateSummary', () =>
  z.object({
    code: z.string(),
    certificateNumber: z.string(),
    applicationId: z.string(),
    institution: z.object({ name: z.string(), town: z.string() }),
    outcome: outcome(),
    category: Localized(),
    status: z.enum(certificateStatuses),
    issuedAt: z.string(),
    validUntil: z.string(),
    verifyUrl: z.string(),
    revoked: z.optional(z.object({ at: z.string(), reason: z.string() })),
    supersededBy: z.optional(z.string()),
    replaces: z.optional(z.string()),
    error: z.optional(z.string()),
    attempts: z.number(),
  }),
);

export const CertificatesOverview = responseSchema('CertificatesOverview', () =>
  z.object({
    editionId: z.string(),
    published: z.boolean(),
    snapshotVersion: z.optional(z.number()),
    eligible: z.number(),
    signatoriesMissing: z.boolean(),
    counts: z.object({
      pending: z.number(),
      issued: z.number(),
      failed: z.number(),
      revoked: z.number(),
      superseded: z.number(),
    }),
    certificates: z.array(CertificateSummary()),
  }),
);

export const OwnCertificate = responseSchema('OwnCertificate', () =>
  z.object({ certificate: z.nullable(CertificateSummary()) }),
);

/** What the public verification page shows: only what is printed on the certificate, and its status. */
export const Verification = responseSchema('CertificateVerification', () =>
  z.object({
    code: z.string(),
    status: z.enum(['valid', 'expired', 'revoked', 'superseded']),
    certificate: z.object({
      certificateNumber: z.string(),
      institution: z.object({ name: z.string(), town: z.string() }),
      edition: z.object({ name: z.string(), number: z.string(), year: z.number() }),
      category: Localized(),
      outcome: outcome(),
      distinctionReason: z.optional(z.string()),
      issuedAt: z.string(),
      validUntil: z.string(),
      snapshotHash: z.string(),
    }),
    revoked: z.optional(z.object({ at: z.string(), reason: z.string() })),
    supersededBy: z.optional(z.string()),
  }),
);

/** Open Badges documents (issuer profile, revocation list): JSON-LD whose shape the OB 3.0 spec fixes. */
export const CredentialDocument = responseSchema('CredentialDocument', () => z.record(z.string(), z.unknown()));

export const Jwks = responseSchema('Jwks', () => z.object({ keys: z.array(z.record(z.string(), z.unknown())) }));
