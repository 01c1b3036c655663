import type { User } from '../../../shared/accounts/user';
import { listEditionCertificates } from '../../../shared/certificates/certificate-store';
import { issueCertificates } from '../../../shared/certificates/issue-certificates';
import { editionItem, getEdition } from '../../../shared/editions/edition-store';
import { lockDecisions } from '../../../shared/results/lock-decisions';
import { publishResults } from '../../../shared/results/publish-results';
import type { Harness } from '../accounts';
import { callerFor, seedEdition } from '../applications';
import { seedSubmitted } from '../assignment';
import { testSigner } from '../factories';
import { score, submittedOfA } from './world-results';
import type { Tenant } from './world';

type Deps = Harness['deps'];

export interface CertificatesWorldIds {
  /** Published, certificates issued: A's application and two hidden laureates. */
  edition: string;
  appA: string;
  /** A's certificate (downloads, verification). */
  codeA: string;
  /** A hidden laureate's certificate the organizer's revoke cell revokes… */
  toRevoke: string;
  /** …and another's the re-issue cell re-issues. */
  toReissue: string;
  /** The signing key's thumbprint (the JWK at the credential's kid URL). */
  kid: string;
  apps: string[];
}

/**
 * Certificates in the access matrix (issue 15): one published edition where A's application and two
 * hidden applicants are laureates, certificates issued and rendered. The hidden laureates carry
 * `ZNAK-HIDDEN…` names, so a certificate answer naming one to anyone but the organizer fails the cell.
 */
export async function seedCertificatesWorld(
  deps: Deps,
  people: { organizer: User; memberA: User },
  mark: (who: string) => string,
  own: (tenant: Tenant, what: string, value: string, edition?: string) => void,
): Promise<CertificatesWorldIds> {
  const { organizer, memberA } = people;
  const seeded = await seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const appA = await submittedOfA(deps, memberA, seeded, own);
  const hidden = async (who: string) => {
    const header = await seedSubmitted(deps, seeded.editionId, { name: `Urząd ${mark(who)}` });
    own('applicants', `laureate with a certificate (${who})`, mark(who), seeded.editionId);
    own('applicants', `its application (${who})`, header.applicationId, seeded.editionId);
    own('applicants', `its institution (${who})`, header.institutionId, seeded.editionId);
    return header;
  };
  const [h1, h2] = [await hidden('HIDDENCERT1'), await hidden('HIDDENCERT2')];
  const deliberating = await score(deps, seeded, organizer, [
    { header: appA, level: 9 },
    { header: h1, level: 9 },
    { header: h2, level: 8 },
  ]);
  const caller = callerFor(organizer);
  await lockDecisions(deps, { caller, editionId: deliberating.editionId, version: 0 });
  await publishResults(deps, { caller, editionId: deliberating.editionId, version: 1 });
  await deps.jobs.drain();
  const published = await getEdition(deps.store, deliberating.editionId);
  await deps.store.put(
    editionItem({
      ...published,
      certificates: { signatories: [{ name: 'Anna Kowalska', role: 'Przewodnicząca Kapituły' }] },
      version: published.version + 1,
    }),
  );
  await issueCertificates(deps, { caller, editionId: published.editionId });
  await deps.jobs.drain();
  const certificates = await listEditionCertificates(deps.store, published.editionId);
  const codeOf = (applicationId: string) => {
    const found = certificates.find((c) => c.applicationId === applicationId && c.status === 'issued');
    if (!found) throw new Error(`no issued certificate for ${applicationId}`);
    return found.code;
  };
  return {
    edition: published.editionId,
    appA: appA.applicationId,
    codeA: codeOf(appA.applicationId),
    toRevoke: codeOf(h1.applicationId),
    toReissue: codeOf(h2.applicationId),
    kid: await testSigner().kid(),
    apps: [appA, h1, h2].map((x) => x.applicationId),
  };
}
