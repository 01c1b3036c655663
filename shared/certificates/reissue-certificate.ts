import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getEdition, invalidState } from '../editions/edition-store';
import { findInstitution } from '../institutions/institution-store';
import { AppError } from '../errors';
import { certificateCode } from './keyed-code';
import { type Certificate, certificateNumber } from './certificate';
import { readCounter, saveReissue } from './certificate-store';
import { type CertificateSummary, certificateSummary } from './certificate-summary';
import { newCertificate } from './issue-certificates';
import { signatoriesOf } from './get-certificates';
import { certificateByCode } from './revoke-certificate';

export type ReissueCertificateDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs' | 'keyRing' | 'settings'>;

/**
 * Re-issues a certificate (issue 15 §5), e.g. after the institution's name was corrected: a new
 * certificate with the next number and a new code, printed from the institution's current name and
 * town and the edition's current signatories (the result, category and validity stay); the old one
 * becomes "superseded" and its verification page links to the new one. Audited; the new one is
 * rendered by the worker.
 */
export async function reissueCertificate(
  deps: ReissueCertificateDeps,
  input: { caller: Caller; code: string; reason: string },
): Promise<CertificateSummary> {
  const [old, actor] = await Promise.all([certificateByCode(deps, input.code), callerActor(deps.store, input.caller)]);
  if (old.status !== 'issued' && old.status !== 'revoked')
    throw invalidState({
      pl: 'Ponownie wystawić można tylko certyfikat wystawiony lub unieważniony (nie zastąpiony ani w przygotowaniu).',
      en: 'Only an issued or revoked certificate can be re-issued (not a superseded or pending one).',
    });
  const [edition, institution, expected, key] = await Promise.all([
    getEdition(deps.store, old.editionId),
    findInstitution(deps.store, old.institutionId),
    readCounter(deps.store, old.editionId),
    deps.keyRing.key('certificate'),
  ]);
  if (!institution) throw new AppError('NOT_FOUND', 'The institution no longer exists');
  const now = deps.clock.now();
  const issueNo = old.issueNo + 1;
  const code = certificateCode(key, old.editionId, old.applicationId, issueNo);
  const number = certificateNumber(old.data.edition.year, expected);
  const signatories = signatoriesOf(edition);
  const next: Certificate = {
    ...newCertificate({
      code,
      seq: expected,
      number,
      data: {
        ...old.data,
        code,
        verifyUrl: old.data.verifyUrl.replace(old.code, code),
        institution: { name: institution.name, town: institution.address.city },
        certificateNumber: number,
        issuedAt: now.toISOString(),
        ...(signatories.length > 0 ? { signatories } : {}),
      },
      result: old,
      issueNo,
      actor,
      now,
    }),
    replaces: old.code,
    reissueReason: input.reason,
  };
  const superseded: Certificate = { ...old, status: 'superseded', supersededBy: code, version: old.version + 1 };
  await saveReissue(deps, {
    before: old,
    superseded,
    next,
    expected,
    audit: {
      action: 'certificate.reissued',
      actor,
      subject: { type: 'application', id: old.applicationId, label: institution.name },
      details: { from: old.certificateNumber, to: number, code, reason: input.reason },
    },
  });
  await deps.jobs.send({
    type: 'certificate.issue',
    editionId: old.editionId,
    applicationId: old.applicationId,
    code,
    requestedAt: now.toISOString(),
    requestedBy: actor.label,
  });
  return certificateSummary(next);
}
