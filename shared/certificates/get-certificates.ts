import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { getEdition } from '../editions/edition-read-store';
import { findDeliberation, findVersion } from '../results/results-store';
import { type CertificateStatus, certificateStatuses } from './certificate';
import { listEditionCertificates } from './certificate-store';
import { type CertificateSummary, certificateSummary } from './certificate-summary';

export interface CertificatesOverview {
  editionId: string;
  published: boolean;
  snapshotVersion?: number;
  /** Laureates and distinctions of the newest published version. */
  eligible: number;
  signatoriesMissing: boolean;
  counts: Record<CertificateStatus, number>;
  certificates: CertificateSummary[];
}

export const signatoriesOf = (edition: Pick<Edition, 'certificates'>) => edition.certificates?.signatories ?? [];

/** The organizer's certificates tab (issue 15 §8): what can be issued, progress, and every certificate by number. */
export async function getCertificates(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; edition?: Edition },
): Promise<CertificatesOverview> {
  const [edition, deliberation, certificates] = await Promise.all([
    input.edition ?? getEdition(deps.store, input.editionId),
    findDeliberation(deps.store, input.editionId),
    listEditionCertificates(deps.store, input.editionId),
  ]);
  const published = deliberation?.published;
  const snapshot = published ? await findVersion(deps.store, input.editionId, published.version) : null;
  const eligible =
    snapshot?.snapshot.categories.reduce((n, c) => n + c.laureates.length + c.distinctions.length, 0) ?? 0;
  const counts = Object.fromEntries(certificateStatuses.map((s) => [s, 0])) as Record<CertificateStatus, number>;
  for (const c of certificates) counts[c.status] += 1;
  return {
    editionId: edition.editionId,
    published: Boolean(published),
    ...(published ? { snapshotVersion: published.version } : {}),
    eligible,
    signatoriesMissing: signatoriesOf(edition).length === 0,
    counts,
    certificates: certificates.map(certificateSummary),
  };
}
