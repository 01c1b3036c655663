import { randomBytes } from 'node:crypto';
import type { User } from '../../../shared/accounts/user';
import { attachmentBlobKey } from '../../../shared/applications/attachments';
import { requestUpload } from '../../../shared/applications/request-upload';
import { saveSection } from '../../../shared/applications/save-section';
import { startApplication } from '../../../shared/applications/start-application';
import { addPair } from '../../../shared/assignment/add-pair';
import { commitAssignment } from '../../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../../shared/assignment/preview-assignment';
import { defaultAssignmentSettings } from '../../../shared/chapter/chapter';
import { declareConflict } from '../../../shared/chapter/declare-conflict';
import { placeBid } from '../../../shared/chapter/place-bid';
import { assignmentSettingsItem } from '../../../shared/chapter/chapter-store';
import { putChapterMember } from '../../../shared/chapter/put-chapter-member';
import { editionItem } from '../../../shared/editions/edition-store';
import { requestExport } from '../../../shared/exports/request-export';
import { seedInstitution, seedUser, type Harness } from '../accounts';
import { type ResultsWorldIds, seedResultsWorld } from './world-results';
import { type CertificatesWorldIds, seedCertificatesWorld } from './world-certificates';
import { type SurveysWorldIds, seedSurveysWorld } from './world-surveys';
import { type ScoringWorldIds, seedScoringWorld } from './world-scoring';
import { attach, callerFor, pdfBytes, seedApplication, seedEdition, sha256Of } from '../applications';
import { memberInput, seedSubmitted } from '../assignment';

/**
 * The seeded world of the access matrix: two institutions (A and B), the matrix's expert, a colleague
 * on the same chapters, an outsider expert on another edition's chapter only, an organizer, and the
 * editions, applications, attachments, bids and conflicts they own. Every object a tenant owns is
 * listed as a marker (ids, e-mails, and a unique `ZNAK-…` string in its names, answers, file names
 * and file contents), so a response can be searched for anything the caller may not see.
 */
export const callers = ['anonymous', 'memberA', 'memberB', 'expert', 'outsider', 'deactivated', 'organizer'] as const;
export type Caller = (typeof callers)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/**
 * Whose an object is. `applicants` are the institutions of submitted applications in a chapter
 * edition (their chapter may see them); `accounts` are staff accounts only organizers see.
 */
export type Tenant =
  | 'instA'
  | 'instB'
  | 'expert'
  | 'colleague'
  | 'outsider'
  | 'organizer'
  | 'accounts'
  | 'applicants'
  | 'draftEdition';

export interface Marker {
  value: string;
  tenant: Tenant;
  /** The edition the object belongs to, when it belongs to one (scoped lists must not show others). */
  edition?: string;
  what: string;
}

export interface World {
  /** Unique per world: per-cell values (e-mails, edition names) are built from it. */
  tag: string;
  /** The `ZNAK-<who>-<tag>` string in a tenant's names, answers, file names and file contents. */
  mark: (who: 'INSTA' | 'INSTB' | 'E2' | 'COLLEAGUE') => string;
  markers: Marker[];
  /** Which callers sit on the chapter of an edition (only they may see its submitted applications). */
  seats: Record<string, readonly Caller[]>;
  institutionA: string;
  institutionB: string;
  users: Record<SignedInCaller, User>;
  loginUser: User;
  target: User;
  /** Open edition: A's draft application (appA, with its attachments) and B's (appB, with one). */
  open: string;
  appA: string;
  readyAttachment: string;
  pendingAttachment: string;
  removableAttachment: string;
  appB: string;
  attachmentB: string;
  /** Another open edition nobody has applied to yet. */
  fresh: string;
  /** A's complete application (submit / withdraw) and B's submitted one (formal check), in a third edition. */
  third: string;
  appSubmit: string;
  appFormal: string;
  draft: string;
  draftName: string;
  published: string;
  /** A CSV export of the third edition (drafts are never exported, so it holds B's submitted application). */
  exportId: string;
  /** A's draft that the upload cells ask fresh single-use links for. */
  uploadApp: string;
  /** Issue 5: an edition to preview/commit (e1), one with a committed assignment to edit by hand (e2). */
  chapter: {
    e1: string;
    e2: string;
    candidate: string;
    removable: string;
    colleague: string;
    conflictInstitution: string;
    lockApp: string;
    swapApp: string;
    removeApp: string;
    lateApp: string;
    declareApp: string;
    /** The institution the colleague declared a conflict with, in e2. */
    colleagueConflictInstitution: string;
    /** B's draft in e2: not submitted, so not the chapter's to see. */
    draftAppB: string;
    /** The outsider's own edition (committed, bidding closed) and its two applications. */
    elsewhere: string;
    elsewhereApps: string[];
  };
  /** Issue 13: an edition in review with the expert's and the colleague's pairs and sheets. */
  scoring: ScoringWorldIds;
  /** Issue 14: editions in deliberation, locked and published, A never a laureate. */
  results: ResultsWorldIds;
  /** Issue 15: a published edition with certificates issued, A's among them. */
  certificates: CertificatesWorldIds;
  /** Issue 18: one residents' survey per institution, each answered once. */
  surveys: SurveysWorldIds;
}

type Deps = Harness['deps'];

export async function seedWorld(deps: Deps): Promise<World> {
  const tag = randomBytes(4).toString('hex');
  const mark = (who: string) => `ZNAK-${who}-${tag}`;
  const markers: Marker[] = [];
  const own = (tenant: Tenant, what: string, value: string, edition?: string) =>
    markers.push({ tenant, what, value, edition });
  const person = async (role: 'expert' | 'organizer', tenant: Tenant, status?: 'deactivated') => {
    const { user } = await seedUser(deps, { role, status, displayName: `Dr ${mark(tenant.toUpperCase())}` });
    own(tenant, `${tenant} user id`, user.userId);
    own(tenant, `${tenant} e-mail`, user.email);
    return user;
  };

  const institution = (m: string) =>
    seedInstitution(deps, { institution: { name: `Urząd Gminy ${mark(m)}` }, memberName: `Anna ${mark(m)}` });
  const [a, b] = await Promise.all([institution('INSTA'), institution('INSTB')]);
  for (const [tenant, inst, m] of [
    ['instA', a, 'INSTA'],
    ['instB', b, 'INSTB'],
  ] as const) {
    own(tenant, `${tenant} marker (names, answers, files)`, mark(m));
    own(tenant, `${tenant} institution id`, inst.institutionId);
    own(tenant, `${tenant} NIP`, inst.nip);
    own(tenant, `${tenant} member id`, inst.member.userId);
    own(tenant, `${tenant} member e-mail`, inst.member.email);
  }
  const expert = await person('expert', 'expert');
  const colleague = await person('expert', 'colleague');
  const outsider = await person('expert', 'outsider');
  const organizer = await person('organizer', 'organizer');
  const deactivated = await person('organizer', 'accounts', 'deactivated');
  const target = await person('expert', 'accounts');
  const candidate = await person('expert', 'accounts');
  const leaving = await person('expert', 'accounts');
  const { user: loginUser } = await seedUser(deps, { role: 'expert' });

  const [open, fresh, third, published] = await Promise.all([
    seedEdition(deps),
    seedEdition(deps),
    seedEdition(deps),
    seedEdition(deps, { state: 'published' }),
  ]);
  const draftName = `Edycja ${mark('DRAFT')}`;
  const draft = await seedEdition(deps, { state: 'draft', settings: { name: draftName } });
  // The edition list is newest first and shared by every test file: dated last, the draft is always on page one.
  await deps.store.put(editionItem({ ...draft, createdAt: '2099-12-31T23:59:59.999Z' }));
  own('draftEdition', 'draft edition id', draft.editionId);
  own('draftEdition', 'draft edition name', mark('DRAFT'));

  // Each institution's draft in the open edition: answers and files carry its marker.
  const draftWithFile = async (inst: typeof a, m: string, tenant: Tenant) => {
    const header = await startApplication(deps, { editionId: open.editionId, caller: callerFor(inst.member) });
    await saveSection(deps, {
      applicationId: header.applicationId,
      sectionId: 'standards',
      answers: { standards_description: `Opis ${mark(m)}` },
      version: 0,
      caller: callerFor(inst.member),
    });
    const file = await attach(
      deps,
      inst.member,
      header.applicationId,
      'documents_standards',
      pdfBytes(mark(m)),
      `${mark(m)}.pdf`,
    );
    own(tenant, `${tenant} application in the open edition`, header.applicationId, open.editionId);
    own(tenant, `${tenant} attachment`, file.attachmentId, open.editionId);
    return { applicationId: header.applicationId, attachmentId: file.attachmentId };
  };
  const appA = await draftWithFile(a, 'INSTA', 'instA');
  const appB = await draftWithFile(b, 'INSTB', 'instB');
  const removable = await attach(deps, a.member, appA.applicationId, 'documents_other');
  own('instA', 'instA removable attachment', removable.attachmentId, open.editionId);
  const body = pdfBytes(mark('INSTA'));
  const { attachment: pending } = await requestUpload(deps, {
    applicationId: appA.applicationId,
    questionId: 'documents_other',
    fileName: `${mark('INSTA')}-b.pdf`,
    size: body.length,
    sha256: sha256Of(body),
    caller: callerFor(a.member),
  });
  own('instA', 'instA pending attachment', pending.attachmentId, open.editionId);
  await deps.blobs.documents.put(attachmentBlobKey(appA.applicationId, pending.attachmentId), body, 'application/pdf');
  const appSubmit = await seedApplication(deps, a.member, third.editionId, { complete: true });
  const appFormal = await seedApplication(deps, b.member, third.editionId, { submit: true });
  own('instA', 'instA application in the third edition', appSubmit.applicationId, third.editionId);
  own('instB', 'instB application in the third edition', appFormal.applicationId, third.editionId);
  const exported = await requestExport(deps, {
    editionId: third.editionId,
    format: 'csv',
    caller: callerFor(organizer),
  });
  await deps.jobs.drain();
  // Upload links are single use: each upload cell asks for its own on A's draft in an edition of its own.
  const uploads = await seedEdition(deps);
  const uploadApp = await seedApplication(deps, a.member, uploads.editionId);
  own('instA', 'instA application for uploads', uploadApp.applicationId, uploads.editionId);

  // Chapters: the expert and the colleague sit on e1 and e2 (k = 1, loads 0–10); the outsider on `elsewhere` only.
  const chapterEdition = () => seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const [e1, e2, elsewhere] = await Promise.all([chapterEdition(), chapterEdition(), chapterEdition()]);
  const seat = (editionId: string, user: User) =>
    putChapterMember(deps, { ...memberInput(), editionId, userId: user.userId, caller: callerFor(organizer) });
  for (const e of [e1, e2]) for (const u of [expert, colleague]) await seat(e.editionId, u);
  await seat(e1.editionId, leaving);
  await seat(elsewhere.editionId, outsider);
  const applicant = async (editionId: string, m: string) => {
    const header = await seedSubmitted(deps, editionId, { name: `Urząd ${mark(m)}` });
    own('applicants', `applicant institution of ${m}`, header.institutionId, editionId);
    own('applicants', `application of ${m}`, header.applicationId, editionId);
    return header;
  };
  own('applicants', 'applicants of e1', mark('E1'), e1.editionId);
  own('applicants', 'applicants of e2', mark('E2'), e2.editionId);
  own('applicants', 'applicants of the outsider’s edition', mark('ELSEWHERE'), elsewhere.editionId);
  await applicant(e1.editionId, 'E1');
  const conflictApp = await applicant(e1.editionId, 'E1');
  const [lockApp, swapApp, removeApp, declareApp] = [
    await applicant(e2.editionId, 'E2'),
    await applicant(e2.editionId, 'E2'),
    await applicant(e2.editionId, 'E2'),
    await applicant(e2.editionId, 'E2'),
  ];
  const elsewhereApps = [
    await applicant(elsewhere.editionId, 'ELSEWHERE'),
    await applicant(elsewhere.editionId, 'ELSEWHERE'),
  ];
  for (const e of [e2, elsewhere])
    await commitAssignment(deps, {
      editionId: e.editionId,
      mode: 'full',
      previewId: (await previewAssignment(deps, { editionId: e.editionId, mode: 'full' })).previewId,
      caller: callerFor(organizer),
    });
  const lateApp = await applicant(e2.editionId, 'E2');
  const colleagueApp = await applicant(e2.editionId, 'E2');
  // Whatever the solver chose, the expert reviews at least one application of e2 (their own pairs are checked).
  const expertApp = await applicant(e2.editionId, 'E2');
  await addPair(deps, {
    editionId: e2.editionId,
    applicationId: expertApp.applicationId,
    userId: expert.userId,
    caller: callerFor(organizer),
  });
  const draftAppB = await startApplication(deps, { editionId: e2.editionId, caller: callerFor(b.member) });
  own('instB', 'instB draft in e2', draftAppB.applicationId, e2.editionId);
  const now = deps.clock.now().getTime();
  await deps.store.put(
    assignmentSettingsItem(e2.editionId, {
      ...defaultAssignmentSettings,
      bidding: { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString() },
      version: 1,
    }),
  );
  // The colleague's own bids and declaration: the matrix's expert must never see them.
  for (const app of [lockApp, lateApp, colleagueApp])
    await placeBid(deps, {
      editionId: e2.editionId,
      applicationId: app.applicationId,
      value: 2,
      caller: callerFor(colleague),
    });
  await declareConflict(deps, {
    editionId: e2.editionId,
    applicationId: colleagueApp.applicationId,
    reason: `Powód ${mark('COLLEAGUE')}`,
    caller: callerFor(colleague),
  });
  const scoring = await seedScoringWorld(deps, { expert, colleague, organizer }, mark, own);
  const results = await seedResultsWorld(deps, { organizer, memberA: a.member }, mark, own);
  const certificates = await seedCertificatesWorld(deps, { organizer, memberA: a.member }, mark, own);
  const surveys = await seedSurveysWorld(
    deps,
    { memberA: a.member, memberB: b.member, institutionA: a.institutionId, institutionB: b.institutionId },
    mark,
    own,
  );
  // The commits' digests are queued: sent before any cell compares the outbox.
  await deps.jobs.drain();
  own('colleague', 'colleague marker (name, conflict reason)', mark('COLLEAGUE'));
  own('expert', 'expert marker (name)', mark('EXPERT'));
  own('outsider', 'outsider marker (name)', mark('OUTSIDER'));
  own('organizer', 'organizer marker (name)', mark('ORGANIZER'));
  own('accounts', 'staff accounts marker (names)', mark('ACCOUNTS'));

  return {
    tag,
    mark,
    markers,
    seats: {
      [e1.editionId]: ['expert'],
      [e2.editionId]: ['expert'],
      [elsewhere.editionId]: ['outsider'],
      [scoring.edition]: ['expert'],
    },
    scoring,
    results,
    certificates,
    surveys,
    chapter: {
      e1: e1.editionId,
      e2: e2.editionId,
      candidate: candidate.userId,
      removable: leaving.userId,
      colleague: colleague.userId,
      conflictInstitution: conflictApp.institutionId,
      lockApp: lockApp.applicationId,
      swapApp: swapApp.applicationId,
      removeApp: removeApp.applicationId,
      lateApp: lateApp.applicationId,
      declareApp: declareApp.applicationId,
      colleagueConflictInstitution: colleagueApp.institutionId,
      draftAppB: draftAppB.applicationId,
      elsewhere: elsewhere.editionId,
      elsewhereApps: elsewhereApps.map((x) => x.applicationId),
    },
    institutionA: a.institutionId,
    institutionB: b.institutionId,
    users: { memberA: a.member, memberB: b.member, expert, outsider, deactivated, organizer },
    loginUser,
    target,
    open: open.editionId,
    appA: appA.applicationId,
    readyAttachment: appA.attachmentId,
    pendingAttachment: pending.attachmentId,
    removableAttachment: removable.attachmentId,
    appB: appB.applicationId,
    attachmentB: appB.attachmentId,
    fresh: fresh.editionId,
    third: third.editionId,
    appSubmit: appSubmit.applicationId,
    appFormal: appFormal.applicationId,
    draft: draft.editionId,
    draftName,
    published: published.editionId,
    exportId: exported.exportId,
    uploadApp: uploadApp.applicationId,
  };
}
