import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { editionSubject, getEdition, invalidState } from '../editions/edition-store';
import { AppError, isAppError } from '../errors';
import type { ApplicationResult } from '../results/results';
import { findDeliberation, findVersion, listEditionResults } from '../results/results-store';
import type { ResultsSnapshot } from '../results/snapshot';
import { certificateCode } from './keyed-code';
import { type Certificate, certificateNumber, verifyPath } from './certificate';
import type { CertificateData } from './certificate-data';
import { findPointers, insertCertificates, listEditionCertificates, readCounter } from './certificate-store';
import { type CertificatesOverview, getCertificates, signatoriesOf } from './get-certificates';
import { compareCodeUnits, comparePolish } from '../text/polish-order';

export type IssueCertificatesDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs' | 'keyRing' | 'settings'>;

/** A pending certificate not rendered after this long is queued again by the next "issue" (a lost job). */
const STUCK_MS = 5 * 60_000;
const CHUNK = 30;

export const signatoriesMissing = {
  pl: 'Uzupełnij w ustawieniach edycji, kto podpisuje certyfikaty (przewodniczący Kapituły i organizator).',
  en: 'Fill in who signs the certificates (the chapter’s chair and the organizer) in the edition’s settings.',
};

/**
 * "Wystaw certyfikaty" (issue 15 §3): a certificate for every laureate and distinction of the newest
 * published version that has none yet — numbered in the order of the published results, with codes
 * that are a keyed hash of (edition, application, issue), so repeating the request mints nothing new —
 * then queues rendering for every certificate not yet rendered (new, failed, or lost). Idempotent.
 */
export async function issueCertificates(
  deps: IssueCertificatesDeps,
  input: { caller: Caller; editionId: string },
): Promise<CertificatesOverview> {
  const [edition, deliberation, actor] = await Promise.all([
    getEdition(deps.store, input.editionId, true),
    findDeliberation(deps.store, input.editionId, true),
    callerActor(deps.store, input.caller),
  ]);
  const published = deliberation?.published;
  if (!published)
    throw invalidState({
      pl: 'Certyfikaty wystawia się po publikacji wyników.',
      en: 'Certificates are issued once the results are published.',
    });
  if (signatoriesOf(edition).length === 0)
    throw new AppError('INVALID_STATE', signatoriesMissing.en, {
      detail: signatoriesMissing,
      fields: { 'certificates.signatories': signatoriesMissing },
    });
  const [version, results] = await Promise.all([
    findVersion(deps.store, edition.editionId, published.version),
    listEditionResults(deps.store, edition.editionId),
  ]);
  if (!version) throw new AppError('INTERNAL', 'The published version is missing');
  const awarded = results.filter((r) => r.outcome !== 'notAwarded' && r.snapshotVersion === published.version);
  if (awarded.length < eligibleCount(version.snapshot))
    throw invalidState({
      pl: 'Wyniki są jeszcze zapisywane w zgłoszeniach. Spróbuj ponownie za chwilę.',
      en: 'The results are still being written to the applications. Try again in a moment.',
    });
  const now = deps.clock.now();
  const created = await createMissing(deps, edition, version.snapshot, order(awarded, version.snapshot), actor, now);
  await queueRendering(deps, edition.editionId, created, actor.label, now);
  return getCertificates(deps, { editionId: edition.editionId, edition });
}

const eligibleCount = (s: ResultsSnapshot) =>
  s.categories.reduce((n, c) => n + c.laureates.length + c.distinctions.length, 0);

/** The published order: category by category, laureates by place, then distinctions; ties by name. */
function order(results: ApplicationResult[], snapshot: ResultsSnapshot): ApplicationResult[] {
  const categoryRank = new Map(snapshot.categories.map((c, i) => [c.code, i]));
  const rank = (r: ApplicationResult) => [
    categoryRank.get(r.category.code) ?? 999,
    r.outcome === 'laureate' ? 0 : 1,
    r.place,
  ];
  return [...results].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return comparePolish(a.institution.name, b.institution.name) || compareCodeUnits(a.applicationId, b.applicationId);
  });
}

/** The certificate data of a result: everything printed, frozen now so a re-render is byte-identical. */
export function certificateData(
  edition: Edition,
  result: Pick<ApplicationResult, 'institution' | 'edition' | 'category' | 'outcome' | 'distinctionReason' | 'sha256'>,
  extra: { code: string; number: string; issuedAt: string; validUntil: string; origin: string },
): CertificateData {
  return {
    code: extra.code,
    verifyUrl: `${extra.origin}${verifyPath(extra.code)}`,
    language: 'pl',
    institution: { name: result.institution.name, town: result.institution.town },
    edition: result.edition,
    category: result.category.name,
    outcome: result.outcome === 'laureate' ? 'laureate' : 'distinction',
    ...(result.outcome === 'distinction' && result.distinctionReason
      ? { distinctionReason: result.distinctionReason.slice(0, 400) }
      : {}),
    issuedAt: extra.issuedAt,
    validUntil: extra.validUntil,
    certificateNumber: extra.number,
    signatories: signatoriesOf(edition),
    snapshotHash: result.sha256,
  };
}

async function createMissing(
  deps: IssueCertificatesDeps,
  edition: Edition,
  snapshot: ResultsSnapshot,
  awarded: ApplicationResult[],
  actor: { userId: string; label: string },
  now: Date,
): Promise<Certificate[]> {
  const key = await deps.keyRing.key('certificate');
  const created: Certificate[] = [];
  for (let attempt = 0; ; attempt++) {
    const have = new Set(
      (
        await findPointers(
          deps.store,
          awarded.map((r) => r.applicationId),
        )
      ).map((p) => p.applicationId),
    );
    const missing = awarded.filter((r) => !have.has(r.applicationId));
    if (missing.length === 0) return created;
    try {
      for (let at = 0; at < missing.length; at += CHUNK) {
        const expected = await readCounter(deps.store, edition.editionId);
        const batch = missing.slice(at, at + CHUNK).map((r, i) => {
          const seq = expected + i;
          const code = certificateCode(key, edition.editionId, r.applicationId, 1);
          const number = certificateNumber(edition.year, seq);
          const data = certificateData(edition, r, {
            code,
            number,
            issuedAt: now.toISOString(),
            validUntil: snapshot.validUntil,
            origin: deps.settings.publicOrigin,
          });
          return newCertificate({ code, seq, number, data, result: r, issueNo: 1, actor, now });
        });
        await insertCertificates(deps, {
          editionId: edition.editionId,
          expected,
          certificates: batch,
          audit: {
            action: 'certificates.issued',
            actor,
            subject: editionSubject(edition),
            details: { count: batch.length, first: batch[0]?.certificateNumber, last: batch.at(-1)?.certificateNumber },
          },
        });
        created.push(...batch);
      }
      return created;
    } catch (error) {
      // Another tab issued meanwhile: re-read what exists and carry on with what is still missing.
      if (!isAppError(error, 'STALE_VERSION') || attempt >= 2) throw error;
    }
  }
}

export function newCertificate(x: {
  code: string;
  seq: number;
  number: string;
  data: CertificateData;
  result: Pick<ApplicationResult, 'applicationId' | 'editionId' | 'institutionId'>;
  issueNo: number;
  actor: { userId: string; label: string };
  now: Date;
}): Certificate {
  return {
    code: x.code,
    editionId: x.result.editionId,
    applicationId: x.result.applicationId,
    institutionId: x.result.institutionId,
    issueNo: x.issueNo,
    certificateNumber: x.number,
    seq: x.seq,
    data: x.data,
    status: 'pending',
    attempts: 0,
    createdAt: x.now.toISOString(),
    requestedBy: x.actor,
    version: 1,
  };
}

/** Queues the new certificates, the failed ones and any pending one that looks lost. */
async function queueRendering(
  deps: IssueCertificatesDeps,
  editionId: string,
  created: Certificate[],
  requestedBy: string,
  now: Date,
) {
  const fresh = new Set(created.map((c) => c.code));
  const existing = await listEditionCertificates(deps.store, editionId);
  const again = existing.filter(
    (c) =>
      !fresh.has(c.code) &&
      (c.status === 'failed' || (c.status === 'pending' && now.getTime() - Date.parse(c.createdAt) > STUCK_MS)),
  );
  const requestedAt = now.toISOString();
  for (const c of [...created, ...again])
    await deps.jobs.send({
      type: 'certificate.issue',
      editionId,
      applicationId: c.applicationId,
      code: c.code,
      requestedAt,
      requestedBy,
    });
}
