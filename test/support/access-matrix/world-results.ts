import type { User } from '../../../shared/accounts/user';
import type { ApplicationHeader } from '../../../shared/applications/application';
import { headerItem } from '../../../shared/applications/application-store';
import { startApplication } from '../../../shared/applications/start-application';
import { pairsOf } from '../../../shared/assignment/assignment';
import { listExpertAssignments } from '../../../shared/assignment/assignment-store';
import { commitAssignment } from '../../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../../shared/assignment/preview-assignment';
import type { Edition } from '../../../shared/editions/edition';
import { editionItem } from '../../../shared/editions/edition-store';
import { lockDecisions } from '../../../shared/results/lock-decisions';
import { publishResults } from '../../../shared/results/publish-results';
import type { Harness } from '../accounts';
import { callerFor, seedEdition } from '../applications';
import { seedChapterExpert, seedSubmitted } from '../assignment';
import { writeSubmittedSheet } from '../results';
import type { Tenant } from './world';

type Deps = Harness['deps'];

export interface ResultsWorldIds {
  /** In deliberation, decisions open: A's application (scored high) and a hidden applicant's (scored low). */
  deliberation: string;
  deliberationAppA: string;
  deliberationHidden: string;
  /** In deliberation with the decisions locked: the publish cell's edition (a laureate and a hidden applicant). */
  toPublish: string;
  /** Published (version 1): a laureate, A's application (not awarded) and a hidden applicant (not awarded). */
  published: string;
  publishedAppA: string;
  /** The laureate's application and its public name (laureates are public: no marker). */
  laureateApp: string;
  laureateName: string;
  /** A's applications in the results editions (A's application list names them). */
  applicationsOfA: string[];
  /** Every application of each results edition (what a refused write must leave alone). */
  appsOf: Record<string, string[]>;
}

/** One applicant of a results edition and the level its one expert scores every criterion (0–10). */
interface Entry {
  header: ApplicationHeader;
  level: number;
}

/**
 * Scores an open edition's submitted applications (k = 1, one fresh chapter expert, a committed
 * assignment), accepts them all and moves the edition to deliberation. Sheets go through the sheet
 * store (draft, then submitted), as in test/support/results.ts.
 */
export async function score(deps: Deps, edition: Edition, organizer: User, entries: Entry[]): Promise<Edition> {
  const { editionId } = edition;
  await seedChapterExpert(deps, editionId, organizer);
  await commitAssignment(deps, {
    editionId,
    mode: 'full',
    previewId: (await previewAssignment(deps, { editionId, mode: 'full' })).previewId,
    caller: callerFor(organizer),
  });
  for (const { header } of entries)
    await deps.store.put(headerItem({ ...header, status: 'accepted', version: header.version + 1 }));
  const { experts } = await listExpertAssignments(deps.store, editionId);
  const now = deps.clock.now().toISOString();
  for (const pair of pairsOf(experts)) {
    const level = entries.find((e) => e.header.applicationId === pair.applicationId)?.level ?? 5;
    await writeSubmittedSheet(deps, edition, pair, level, now);
  }
  const deliberating: Edition = { ...edition, state: 'deliberation', version: edition.version + 1 };
  await deps.store.put(editionItem(deliberating));
  return deliberating;
}

/** A's submitted application in a results edition (A's member starts it; submitted as the API would leave it). */
export async function submittedOfA(
  deps: Deps,
  memberA: User,
  edition: Edition,
  own: (tenant: Tenant, what: string, value: string, edition?: string) => void,
): Promise<ApplicationHeader> {
  const draft = await startApplication(deps, { editionId: edition.editionId, caller: callerFor(memberA) });
  const now = deps.clock.now().toISOString();
  const header: ApplicationHeader = { ...draft, status: 'submitted', submittedAt: now, version: draft.version + 1 };
  await deps.store.put(headerItem(header));
  own('instA', 'instA application in a results edition', header.applicationId, edition.editionId);
  return header;
}

/**
 * Results in the access matrix (issue 14): three editions — one deliberating, one locked (to publish),
 * one published. A's applications are never laureates and every other non-laureate carries a
 * `ZNAK-HIDDEN…` name, so the public routes' cells (`sees: 'nobody'`) fail if a non-laureate leaks;
 * laureates carry no marker (they are public by design).
 */
export async function seedResultsWorld(
  deps: Deps,
  people: { organizer: User; memberA: User },
  mark: (who: string) => string,
  own: (tenant: Tenant, what: string, value: string, edition?: string) => void,
): Promise<ResultsWorldIds> {
  const { organizer, memberA } = people;
  const ofA = (edition: Edition) => submittedOfA(deps, memberA, edition, own);
  const hidden = async (edition: Edition, who: string): Promise<ApplicationHeader> => {
    const header = await seedSubmitted(deps, edition.editionId, { name: `Urząd ${mark(who)}` });
    own('applicants', `non-laureate of a results edition (${who})`, mark(who), edition.editionId);
    own('applicants', `its application (${who})`, header.applicationId, edition.editionId);
    own('applicants', `its institution (${who})`, header.institutionId, edition.editionId);
    own('applicants', `its NIP (${who})`, header.institution.nip, edition.editionId);
    return header;
  };
  const laureateName = `Urząd Miasta Laureatów ${deps.ids.newId().slice(-8)}`;
  const laureate = (edition: Edition) => seedSubmitted(deps, edition.editionId, { name: laureateName });

  const edition = () => seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const [e1, e2, e3] = await Promise.all([edition(), edition(), edition()]);
  const appA1 = await ofA(e1);
  const hidden1 = await hidden(e1, 'HIDDEN1');
  await score(deps, e1, organizer, [
    { header: appA1, level: 9 },
    { header: hidden1, level: 3 },
  ]);

  const laureate2 = await laureate(e2);
  const hidden2 = await hidden(e2, 'HIDDEN2');
  await score(deps, e2, organizer, [
    { header: laureate2, level: 9 },
    { header: hidden2, level: 3 },
  ]);
  await lockDecisions(deps, { caller: callerFor(organizer), editionId: e2.editionId, version: 0 });

  const appA3 = await ofA(e3);
  const laureate3 = await laureate(e3);
  const hidden3 = await hidden(e3, 'HIDDEN3');
  await score(deps, e3, organizer, [
    { header: laureate3, level: 9 },
    { header: appA3, level: 3 },
    { header: hidden3, level: 2 },
  ]);
  await lockDecisions(deps, { caller: callerFor(organizer), editionId: e3.editionId, version: 0 });
  await publishResults(deps, { caller: callerFor(organizer), editionId: e3.editionId, version: 1 });
  // Each application's own result and the applicants' mails are written by the worker.
  await deps.jobs.drain();

  return {
    deliberation: e1.editionId,
    deliberationAppA: appA1.applicationId,
    deliberationHidden: hidden1.applicationId,
    toPublish: e2.editionId,
    published: e3.editionId,
    publishedAppA: appA3.applicationId,
    laureateApp: laureate3.applicationId,
    laureateName,
    applicationsOfA: [appA1.applicationId, appA3.applicationId],
    appsOf: {
      [e1.editionId]: [appA1, hidden1].map((x) => x.applicationId),
      [e2.editionId]: [laureate2, hidden2].map((x) => x.applicationId),
      [e3.editionId]: [laureate3, appA3, hidden3].map((x) => x.applicationId),
    },
  };
}
