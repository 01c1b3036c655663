import * as z from 'zod/mini';
import { languages } from '../language';
import { normalizeCode } from './certificate-code';

/**
 * Everything printed on one certificate (issue 15 §1), assembled by the worker from the published
 * results snapshot and the edition's settings. The renderer reads nothing else, so the same data
 * always gives the same bytes.
 */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const certificateOutcomes = ['laureate', 'distinction'] as const;
export type CertificateOutcome = (typeof certificateOutcomes)[number];

export const Signatory = z.object({ name: text(120), role: text(160) });
export type Signatory = z.infer<typeof Signatory>;

export const CertificateData = z.object({
  /** Canonical grouped code (normalizeCode gives it). */
  code: z.string().check(z.refine((c) => normalizeCode(c) === c, 'not a canonical certificate code')),
  verifyUrl: z.string().check(z.maxLength(300), z.regex(/^https?:\/\/\S+$/)),
  language: z.enum(languages),
  institution: z.object({ name: text(300), town: text(120) }),
  edition: z.object({ name: text(120), number: text(60), year: z.number().check(z.int(), z.gte(2000), z.lte(2999)) }),
  category: z.object({ pl: text(160), en: text(160) }),
  outcome: z.enum(certificateOutcomes),
  /** Distinctions: the chapter's reason, printed under "wyróżnienie". */
  distinctionReason: z.optional(text(400)),
  issuedAt: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }),
  /** E.g. "PU/2025/0007": unique per edition, guarded by a marker item where it is allocated. */
  certificateNumber: text(40),
  /** The chapter's chair and the organizer, in print order. */
  signatories: z.array(Signatory).check(z.minLength(1), z.maxLength(3)),
  /** sha256 hex of the published results snapshot the certificate was issued from. */
  snapshotHash: z.string().check(z.regex(/^[0-9a-f]{12,64}$/)),
});
export type CertificateData = z.infer<typeof CertificateData>;
