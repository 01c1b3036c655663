import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { recordFailure, reserveAttempts } from '../limits/attempts';
import { shortHash } from '../results/snapshot';
import { type VerificationStatus, verificationStatus } from './certificate';
import { normalizeCode } from './certificate-code';
import { findCertificate } from './certificate-store';

export interface Verification {
  code: string;
  status: VerificationStatus;
  certificate: {
    certificateNumber: string;
    institution: { name: string; town: string };
    edition: { name: string; number: string; year: number };
    category: { pl: string; en: string };
    outcome: 'laureate' | 'distinction';
    distinctionReason?: string;
    issuedAt: string;
    validUntil: string;
    snapshotHash: string;
  };
  revoked?: { at: string; reason: string };
  supersededBy?: string;
}

const unknown = () => new AppError('NOT_FOUND', 'No certificate has this code');

/**
 * The public verification (issue 15 §4): anyone with the code learns whether the certificate is valid,
 * expired, revoked (when and why) or superseded (by which code) — and only what is printed on it.
 * Every lookup reserves an attempt for the client address first (a burst cannot slip through), and an
 * unknown code counts as a failure, so guessing codes is blocked long before it could find one.
 */
export async function verifyCertificate(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { code: string; caller: Caller },
): Promise<Verification> {
  const reservation = await reserveAttempts(deps, [{ limit: 'verifyAddress', subject: input.caller.ip }]);
  const code = normalizeCode(input.code);
  const cert = code ? await findCertificate(deps.store, code) : null;
  const status = cert ? verificationStatus(cert, deps.clock.now()) : null;
  if (!cert || !status) {
    await recordFailure(deps, reservation);
    throw unknown();
  }
  const { data } = cert;
  return {
    code: cert.code,
    status,
    certificate: {
      certificateNumber: data.certificateNumber,
      institution: data.institution,
      edition: data.edition,
      category: data.category,
      outcome: data.outcome,
      ...(data.distinctionReason ? { distinctionReason: data.distinctionReason } : {}),
      issuedAt: data.issuedAt,
      validUntil: data.validUntil,
      snapshotHash: shortHash(data.snapshotHash),
    },
    ...(cert.revoked ? { revoked: { at: cert.revoked.at, reason: cert.revoked.reason } } : {}),
    ...(status === 'superseded' && cert.supersededBy ? { supersededBy: cert.supersededBy } : {}),
  };
}
