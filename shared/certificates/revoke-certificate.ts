import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { invalidState } from '../editions/edition-store';
import type { Certificate } from './certificate';
import { normalizeCode } from './certificate-code';
import { getCertificate, saveRevocation } from './certificate-store';
import { type CertificateSummary, certificateSummary } from './certificate-summary';
import { AppError } from '../errors';

export type RevokeCertificateDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** The certificate a code names, or 404 (a malformed code names nothing). */
export async function certificateByCode(deps: Pick<Deps, 'store'>, code: string): Promise<Certificate> {
  const canonical = normalizeCode(code);
  if (!canonical) throw new AppError('NOT_FOUND', 'No certificate has this code');
  return getCertificate(deps.store, canonical, true);
}

/**
 * Revokes an issued certificate (issue 15 §5): with the organizer's reason, audited; from the next
 * request on the verification page and the credential's status list say "revoked". Revoking twice is
 * refused (409), so the first reason and date stand.
 */
export async function revokeCertificate(
  deps: RevokeCertificateDeps,
  input: { caller: Caller; code: string; reason: string },
): Promise<CertificateSummary> {
  const [cert, actor] = await Promise.all([certificateByCode(deps, input.code), callerActor(deps.store, input.caller)]);
  if (cert.status !== 'issued')
    throw invalidState({
      pl: 'Unieważnić można tylko wystawiony, obowiązujący certyfikat.',
      en: 'Only an issued, current certificate can be revoked.',
    });
  const at = deps.clock.now().toISOString();
  const after: Certificate = {
    ...cert,
    status: 'revoked',
    revoked: { at, reason: input.reason, by: actor },
    version: cert.version + 1,
  };
  await saveRevocation(deps, cert, after, {
    action: 'certificate.revoked',
    actor,
    subject: { type: 'application', id: cert.applicationId, label: cert.data.institution.name },
    details: { code: cert.code, certificateNumber: cert.certificateNumber, reason: input.reason },
  });
  return certificateSummary(after);
}
