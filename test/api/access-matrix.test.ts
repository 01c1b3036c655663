import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/user';
import { routePolicy } from '../../shared/http/routes/policy';
import { keys } from '../../shared/store/keys';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { requestUpload } from '../../shared/applications/request-upload';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { requestExport } from '../../shared/exports/request-export';
import { attach, callerFor, pdfBytes, seedApplication, seedEdition, sha256Of } from '../support/applications';
import { memberInput, seedSubmitted } from '../support/assignment';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { pairsOf, readAssignment } from '../../shared/assignment/assignment-store';
import { defaultAssignmentSettings } from '../../shared/chapter/chapter';
import { getAssignmentSettings } from '../../shared/chapter/chapter-store';
import { putChapterMember } from '../../shared/chapter/put-chapter-member';
import { setConflict } from '../../shared/chapter/set-conflict';
import {
  apiHarness,
  goodPassword,
  jsonRequest,
  registrationBody,
  seedInstitution,
  seedUser,
  sessionCookie,
  uniqueEmail,
} from '../support/accounts';

/**
 * The access matrix (issue 3): every route of the policy × the six callers, against DynamoDB Local
 * with seeded data and real session cookies, with the exact status written out. Outcomes (401 vs
 * 403 vs 404) are those of docs/access-control.md. A route added to the policy without a row here
 * fails the first test.
 */
const callers = ['anonymous', 'memberA', 'memberB', 'expert', 'deactivated', 'organizer'] as const;
type Caller = (typeof callers)[number];
type Row = Record<Caller, number>;

const all = (status: number): Row => ({
  anonymous: status,
  memberA: status,
  memberB: status,
  expert: status,
  deactivated: status,
  organizer: status,
});
const signedIn = (status: number): Row => ({
  anonymous: 401,
  memberA: status,
  memberB: status,
  expert: status,
  deactivated: 401,
  organizer: status,
});
const ownInstitutionA = (status: number): Row => ({
  anonymous: 401,
  memberA: status,
  memberB: 404,
  expert: 403,
  deactivated: 401,
  organizer: status,
});
const organizerOnly = (status: number): Row => ({
  anonymous: 401,
  memberA: 403,
  memberB: 403,
  expert: 403,
  deactivated: 401,
  organizer: status,
});
/** Institution A's application: its members and organizers read; another institution gets 404. */
const ownApplicationA = (status: number): Row => ({
  anonymous: 401,
  memberA: status,
  memberB: 404,
  expert: 403,
  deactivated: 401,
  organizer: status,
});
/** Changes to A's application: only A's members (organizers read but never answer for an institution). */
const applicantA = (status: number): Row => ({
  anonymous: 401,
  memberA: status,
  memberB: 404,
  expert: 403,
  deactivated: 401,
  organizer: 403,
});
/** An expert's own work in an edition whose chapter they sit on (the matrix's expert does). */
const chapterExpert = (status: number): Row => ({
  anonymous: 401,
  memberA: 403,
  memberB: 403,
  expert: status,
  deactivated: 401,
  organizer: 403,
});

const { deps, app } = apiHarness({ maxBodyBytes: 1024 * 1024 });
interface World {
  institutionA: string;
  users: Record<Exclude<Caller, 'anonymous'>, User>;
  loginUser: User;
  target: User;
  /** An open edition with A's draft application (appA) and its attachments. */
  open: string;
  appA: string;
  readyAttachment: string;
  pendingAttachment: string;
  removableAttachment: string;
  /** Another open edition nobody has applied to yet. */
  fresh: string;
  /** A's submitted application (submit / withdraw), and B's submitted one (formal check), in a third edition. */
  appSubmit: string;
  appFormal: string;
  draft: string;
  published: string;
  exportId: string;
  uploadPath: string;
  /** Issue 5: an edition to preview/commit (e1) and one with a committed assignment to edit by hand (e2). */
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
  };
}
let world: World;

type Sample = (
  w: World,
  caller: Caller,
) => Promise<{ path: string; init?: RequestInit }> | { path: string; init?: RequestInit };
const get =
  (path: string): Sample =>
  () => ({ path });
const post =
  (path: string | ((w: World) => string), body: (w: World, caller: Caller) => unknown = () => ({})): Sample =>
  (w, caller) => ({
    path: typeof path === 'string' ? path : path(w),
    init: jsonRequest('POST', body(w, caller)),
  });

const bogusToken = 'x'.repeat(43);
const samples: Record<string, { sample: Sample; expected: Row }> = {
  'GET /api/health': { sample: get('/api/health'), expected: all(200) },
  'PUT /api/preferences/language': {
    sample: () => ({ path: '/api/preferences/language', init: jsonRequest('PUT', { language: 'en' }) }),
    expected: all(200),
  },
  'GET /api/openapi.json': { sample: get('/api/openapi.json'), expected: all(200) },
  'GET /api/docs': { sample: get('/api/docs'), expected: all(200) },
  'GET /api/dev/outbox': { sample: get('/api/dev/outbox'), expected: all(200) },

  'POST /api/auth/login': {
    sample: post('/api/auth/login', (w) => ({ email: w.loginUser.email, password: goodPassword })),
    expected: all(200),
  },
  'POST /api/auth/logout': { sample: post('/api/auth/logout'), expected: all(204) },
  'POST /api/auth/logout-everywhere': { sample: post('/api/auth/logout-everywhere'), expected: signedIn(200) },
  'GET /api/me': { sample: get('/api/me'), expected: signedIn(200) },
  'PUT /api/me': {
    sample: async (w, caller) => {
      const user =
        caller === 'anonymous'
          ? undefined
          : await deps.store.get<{ version: number }>(keys.user(w.users[caller].userId), { consistent: true });
      return {
        path: '/api/me',
        init: jsonRequest('PUT', { displayName: 'Zmienione Imię', language: 'pl', version: user?.version ?? 1 }),
      };
    },
    expected: signedIn(200),
  },
  'POST /api/auth/verify-email': {
    sample: post('/api/auth/verify-email', () => ({ token: bogusToken })),
    expected: all(400),
  },
  'POST /api/auth/verify-email/resend': {
    sample: post('/api/auth/verify-email/resend', () => ({ email: uniqueEmail() })),
    expected: all(202),
  },
  'POST /api/auth/password-reset': {
    sample: post('/api/auth/password-reset', () => ({ email: uniqueEmail() })),
    expected: all(202),
  },
  'POST /api/auth/password-reset/complete': {
    sample: post('/api/auth/password-reset/complete', () => ({ token: bogusToken, password: goodPassword })),
    expected: all(400),
  },
  'POST /api/auth/invitations/accept': {
    sample: post('/api/auth/invitations/accept', () => ({ token: bogusToken, password: goodPassword })),
    expected: all(400),
  },

  'POST /api/institutions': { sample: post('/api/institutions', () => registrationBody()), expected: all(201) },
  'GET /api/institutions/:institutionId': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}` }),
    expected: ownInstitutionA(200),
  },
  'PUT /api/institutions/:institutionId': {
    sample: async (w) => {
      const item = (await deps.store.get(keys.institution(w.institutionA), { consistent: true })) ?? {};
      const {
        pk: _pk,
        sk: _sk,
        entity: _e,
        institutionId: _i,
        nip: _n,
        createdAt: _c,
        updatedAt: _u,
        ...profile
      } = item;
      return { path: `/api/institutions/${w.institutionA}`, init: jsonRequest('PUT', profile) };
    },
    expected: ownInstitutionA(200),
  },
  'GET /api/institutions/:institutionId/members': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}/members` }),
    expected: ownInstitutionA(200),
  },
  'POST /api/institutions/:institutionId/members': {
    sample: post(
      (w) => `/api/institutions/${w.institutionA}/members`,
      () => ({ email: uniqueEmail('colleague'), displayName: 'Kolega' }),
    ),
    expected: ownInstitutionA(201),
  },

  'GET /api/users': { sample: get('/api/users?role=expert'), expected: organizerOnly(200) },
  'POST /api/experts': {
    sample: post('/api/experts', () => ({
      email: uniqueEmail('expert'),
      displayName: 'Dr Ekspert',
      affiliation: 'Uniwersytet',
      voivodeship: 'małopolskie',
      expertise: ['obsługa klienta'],
    })),
    expected: organizerOnly(201),
  },
  'POST /api/users/:userId/deactivate': {
    sample: post((w) => `/api/users/${w.target.userId}/deactivate`),
    expected: organizerOnly(200),
  },
  'POST /api/users/:userId/reactivate': {
    sample: post((w) => `/api/users/${w.target.userId}/reactivate`),
    expected: organizerOnly(200),
  },
  'GET /api/audit': { sample: get('/api/audit'), expected: organizerOnly(200) },
  'GET /api/institutions/:institutionId/applications': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}/applications` }),
    expected: ownInstitutionA(200),
  },

  'GET /api/editions': { sample: get('/api/editions'), expected: signedIn(200) },
  'GET /api/editions/:editionId': { sample: (w) => ({ path: `/api/editions/${w.open}` }), expected: signedIn(200) },
  'POST /api/editions': { sample: post('/api/editions', () => settingsNow()), expected: organizerOnly(201) },
  'PUT /api/editions/:editionId': {
    sample: async (w) => ({
      path: `/api/editions/${w.draft}`,
      init: jsonRequest('PUT', { ...settingsNow(), version: await versionOf(w.draft) }),
    }),
    expected: organizerOnly(200),
  },
  'PUT /api/editions/:editionId/rubric': {
    sample: async (w) => ({
      path: `/api/editions/${w.draft}/rubric`,
      init: jsonRequest('PUT', { rubric: sampleRubric(), version: await versionOf(w.draft) }),
    }),
    expected: organizerOnly(200),
  },
  'PUT /api/editions/:editionId/questionnaire': {
    sample: async (w) => ({
      path: `/api/editions/${w.draft}/questionnaire`,
      init: jsonRequest('PUT', { questionnaire: sampleQuestionnaire(), version: await versionOf(w.draft) }),
    }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/transitions': {
    sample: async (w) => ({
      path: `/api/editions/${w.published}/transitions`,
      init: jsonRequest('POST', { to: 'archived', version: await versionOf(w.published) }),
    }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/clone': {
    sample: post((w) => `/api/editions/${w.open}/clone`),
    expected: organizerOnly(201),
  },
  'GET /api/editions/:editionId/extensions': {
    sample: (w) => ({ path: `/api/editions/${w.open}/extensions` }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/extensions': {
    sample: post(
      (w) => `/api/editions/${w.open}/extensions`,
      (w) => ({ institutionId: w.institutionA, until: '2026-12-31T12:00:00+01:00', reason: 'Awaria' }),
    ),
    expected: organizerOnly(201),
  },
  'POST /api/editions/:editionId/applications': {
    sample: post((w) => `/api/editions/${w.fresh}/applications`),
    expected: { anonymous: 401, memberA: 201, memberB: 201, expert: 403, deactivated: 401, organizer: 403 },
  },
  'GET /api/editions/:editionId/applications': {
    sample: (w) => ({ path: `/api/editions/${w.open}/applications` }),
    expected: organizerOnly(200),
  },
  'GET /api/editions/:editionId/application-counts': {
    sample: (w) => ({ path: `/api/editions/${w.open}/application-counts` }),
    expected: organizerOnly(200),
  },
  'GET /api/editions/:editionId/exports': {
    sample: (w) => ({ path: `/api/editions/${w.open}/exports` }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/exports': {
    sample: post(
      (w) => `/api/editions/${w.open}/exports`,
      () => ({ format: 'csv' }),
    ),
    expected: organizerOnly(202),
  },
  'GET /api/editions/:editionId/exports/:exportId': {
    sample: (w) => ({ path: `/api/editions/${w.open}/exports/${w.exportId}` }),
    expected: organizerOnly(200),
  },
  'GET /api/editions/:editionId/exports/:exportId/file': {
    sample: (w) => ({ path: `/api/editions/${w.open}/exports/${w.exportId}/file` }),
    expected: organizerOnly(200),
  },

  'GET /api/applications/:applicationId': {
    sample: (w) => ({ path: `/api/applications/${w.appA}` }),
    expected: ownApplicationA(200),
  },
  'PUT /api/applications/:applicationId/sections/:sectionId': {
    sample: async (w) => {
      const section = await deps.store.get<{ version: number }>(keys.section(w.appA, 'staff'), { consistent: true });
      return {
        path: `/api/applications/${w.appA}/sections/staff`,
        init: jsonRequest('PUT', { answers: { staff_trainings: 3 }, version: section?.version ?? 0 }),
      };
    },
    expected: applicantA(200),
  },
  'POST /api/applications/:applicationId/submit': {
    sample: async (w) => ({
      path: `/api/applications/${w.appSubmit}/submit`,
      init: jsonRequest('POST', { version: await headerVersion(w.appSubmit) }),
    }),
    expected: applicantA(200),
  },
  'POST /api/applications/:applicationId/withdraw': {
    sample: async (w) => ({
      path: `/api/applications/${w.appSubmit}/withdraw`,
      init: jsonRequest('POST', { version: await headerVersion(w.appSubmit) }),
    }),
    expected: applicantA(200),
  },
  'POST /api/applications/:applicationId/attachments': {
    sample: post(
      (w) => `/api/applications/${w.appA}/attachments`,
      () => ({ questionId: 'documents_other', fileName: 'zdjecie.png', size: 2048 }),
    ),
    expected: applicantA(201),
  },
  'POST /api/applications/:applicationId/attachments/:attachmentId/complete': {
    sample: post((w) => `/api/applications/${w.appA}/attachments/${w.pendingAttachment}/complete`),
    expected: applicantA(200),
  },
  'GET /api/applications/:applicationId/attachments/:attachmentId': {
    sample: (w) => ({ path: `/api/applications/${w.appA}/attachments/${w.readyAttachment}` }),
    expected: ownApplicationA(200),
  },
  'DELETE /api/applications/:applicationId/attachments/:attachmentId': {
    sample: (w) => ({
      path: `/api/applications/${w.appA}/attachments/${w.removableAttachment}`,
      init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
    }),
    expected: applicantA(204),
  },
  'POST /api/applications/:applicationId/formal-check': {
    sample: async (w) => ({
      path: `/api/applications/${w.appFormal}/formal-check`,
      init: jsonRequest('POST', { decision: 'accept', version: await headerVersion(w.appFormal) }),
    }),
    expected: organizerOnly(200),
  },
  'GET /api/editions/:editionId/chapter': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/chapter` }),
    expected: organizerOnly(200),
  },
  'PUT /api/editions/:editionId/chapter/:userId': {
    sample: (w) => ({
      path: `/api/editions/${w.chapter.e1}/chapter/${w.chapter.candidate}`,
      init: jsonRequest('PUT', memberInput()),
    }),
    expected: organizerOnly(200),
  },
  'DELETE /api/editions/:editionId/chapter/:userId': {
    sample: (w) => ({
      path: `/api/editions/${w.chapter.e1}/chapter/${w.chapter.removable}`,
      init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
    }),
    expected: organizerOnly(204),
  },
  'GET /api/editions/:editionId/assignment-settings': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e1}/assignment-settings` }),
    expected: organizerOnly(200),
  },
  'PUT /api/editions/:editionId/assignment-settings': {
    sample: async (w) => {
      const current = await getAssignmentSettings(deps.store, w.chapter.e1, true);
      return {
        path: `/api/editions/${w.chapter.e1}/assignment-settings`,
        init: jsonRequest('PUT', { ...current, balance: 2 }),
      };
    },
    expected: organizerOnly(200),
  },
  'GET /api/editions/:editionId/conflicts': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/conflicts` }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/conflicts': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e1}/conflicts`,
      (w) => ({
        userId: w.users.expert.userId,
        institutionId: w.chapter.conflictInstitution,
        reason: 'Były pracownik',
      }),
    ),
    expected: organizerOnly(201),
  },
  'DELETE /api/editions/:editionId/conflicts/:userId/:institutionId': {
    sample: async (w, caller) => {
      // Each organizer cell lifts a conflict it set up just before (other callers never reach it).
      if (caller === 'organizer')
        await setConflict(
          deps,
          w.chapter.e2,
          { userId: w.chapter.colleague, institutionId: w.chapter.conflictInstitution, reason: 'Do zdjęcia' },
          callerFor(w.users.organizer),
        );
      return {
        path: `/api/editions/${w.chapter.e2}/conflicts/${w.chapter.colleague}/${w.chapter.conflictInstitution}`,
        init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
      };
    },
    expected: organizerOnly(204),
  },
  'GET /api/editions/:editionId/assignment': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/assignment` }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/assignment/preview': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e1}/assignment/preview`,
      () => ({ mode: 'full' }),
    ),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/assignment/commit': {
    sample: async (w) => ({
      path: `/api/editions/${w.chapter.e1}/assignment/commit`,
      init: jsonRequest('POST', {
        mode: 'full',
        previewId: (await previewAssignment(deps, w.chapter.e1, 'full')).previewId,
      }),
    }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/assignment/pairs': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e2}/assignment/pairs`,
      (w) => ({ applicationId: w.chapter.lateApp, userId: w.chapter.colleague }),
    ),
    expected: organizerOnly(201),
  },
  'DELETE /api/editions/:editionId/assignment/pairs/:applicationId/:userId': {
    sample: async (w) => ({
      path: `/api/editions/${w.chapter.e2}/assignment/pairs/${w.chapter.removeApp}/${await expertOf(w.chapter.e2, w.chapter.removeApp)}`,
      init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
    }),
    expected: organizerOnly(204),
  },
  'PUT /api/editions/:editionId/assignment/pairs/:applicationId/:userId/lock': {
    sample: async (w) => ({
      path: `/api/editions/${w.chapter.e2}/assignment/pairs/${w.chapter.lockApp}/${await expertOf(w.chapter.e2, w.chapter.lockApp)}/lock`,
      init: jsonRequest('PUT', { locked: true }),
    }),
    expected: organizerOnly(200),
  },
  'POST /api/editions/:editionId/assignment/swap': {
    sample: async (w) => {
      const from = await expertOf(w.chapter.e2, w.chapter.swapApp);
      const to = from === w.users.expert.userId ? w.chapter.colleague : w.users.expert.userId;
      return {
        path: `/api/editions/${w.chapter.e2}/assignment/swap`,
        init: jsonRequest('POST', { applicationId: w.chapter.swapApp, fromUserId: from, toUserId: to }),
      };
    },
    expected: organizerOnly(200),
  },
  'GET /api/expert/editions': { sample: get('/api/expert/editions'), expected: chapterExpert(200) },
  'GET /api/expert/editions/:editionId/assignments': {
    sample: (w) => ({ path: `/api/expert/editions/${w.chapter.e2}/assignments` }),
    expected: chapterExpert(200),
  },
  'GET /api/expert/editions/:editionId/bidding': {
    sample: (w) => ({ path: `/api/expert/editions/${w.chapter.e2}/bidding` }),
    expected: chapterExpert(200),
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.e2}/bids/${w.chapter.lateApp}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    expected: chapterExpert(200),
  },
  'POST /api/expert/editions/:editionId/conflicts': {
    sample: post(
      (w) => `/api/expert/editions/${w.chapter.e2}/conflicts`,
      (w) => ({ applicationId: w.chapter.declareApp, reason: 'Znam kierownika' }),
    ),
    expected: chapterExpert(201),
  },
  'PUT /api/uploads/:token': {
    sample: (w) => ({
      path: w.uploadPath,
      init: { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdfBytes() as unknown as BodyInit },
    }),
    expected: all(204),
  },
};

const settingsNow = () => sampleSettings(deps.clock.now());
const versionOf = async (editionId: string) =>
  (await deps.store.get<{ version: number }>(keys.edition(editionId), { consistent: true }))?.version ?? 0;
/** The one expert (k = 1) currently assigned to the application. */
const expertOf = async (editionId: string, applicationId: string) =>
  pairsOf((await readAssignment(deps.store, editionId)).experts).find((p) => p.applicationId === applicationId)
    ?.userId ?? 'none';
const headerVersion = async (applicationId: string) =>
  (await deps.store.get<{ version: number }>(keys.application(applicationId), { consistent: true }))?.version ?? 0;

beforeAll(async () => {
  const a = await seedInstitution(deps);
  const b = await seedInstitution(deps);
  const { user: expert } = await seedUser(deps, { role: 'expert' });
  const { user: organizer } = await seedUser(deps, { role: 'organizer' });
  const { user: deactivated } = await seedUser(deps, { role: 'organizer', status: 'deactivated' });
  const { user: loginUser } = await seedUser(deps, { role: 'expert' });
  const { user: target } = await seedUser(deps, { role: 'expert' });
  const open = await seedEdition(deps);
  const fresh = await seedEdition(deps);
  const third = await seedEdition(deps);
  const appA = await seedApplication(deps, a.member, open.editionId);
  const ready = await attach(deps, a.member, appA.applicationId);
  const removable = await attach(deps, a.member, appA.applicationId, 'documents_other');
  const body = pdfBytes();
  const { attachment: pending } = await requestUpload(
    deps,
    appA.applicationId,
    { questionId: 'documents_other', fileName: 'b.pdf', size: body.length, sha256: sha256Of(body) },
    callerFor(a.member),
  );
  await deps.blobs.documents.put(attachmentBlobKey(appA.applicationId, pending.attachmentId), body, 'application/pdf');
  const appSubmit = await seedApplication(deps, a.member, third.editionId, { complete: true });
  const appFormal = await seedApplication(deps, b.member, third.editionId, { submit: true });
  const draft = await seedEdition(deps, { state: 'draft' });
  const published = await seedEdition(deps, { state: 'published' });
  const exported = await requestExport(deps, open.editionId, 'csv', callerFor(organizer));
  await deps.exportJobs.drain();
  const ticket = await deps.uploads.presign({
    key: `applications/${deps.ids.newId()}/${deps.ids.newId()}`,
    contentType: 'application/pdf',
    size: body.length,
    sha256: sha256Of(body),
  });
  // Issue 5: chapters of the matrix's expert and a colleague (loads 0–10, k = 1), in two open editions.
  const e1 = await seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const e2 = await seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const { user: colleague } = await seedUser(deps, { role: 'expert' });
  const { user: candidate } = await seedUser(deps, { role: 'expert' });
  const { user: leaving } = await seedUser(deps, { role: 'expert' });
  for (const e of [e1, e2]) {
    for (const u of [expert, colleague])
      await putChapterMember(deps, e.editionId, u.userId, memberInput(), callerFor(organizer));
  }
  await putChapterMember(deps, e1.editionId, leaving.userId, memberInput(), callerFor(organizer));
  await seedSubmitted(deps, e1.editionId);
  const conflictApp = await seedSubmitted(deps, e1.editionId);
  const [lockApp, swapApp, removeApp, declareApp] = [
    await seedSubmitted(deps, e2.editionId),
    await seedSubmitted(deps, e2.editionId),
    await seedSubmitted(deps, e2.editionId),
    await seedSubmitted(deps, e2.editionId),
  ];
  await commitAssignment(
    deps,
    e2.editionId,
    { mode: 'full', previewId: (await previewAssignment(deps, e2.editionId, 'full')).previewId },
    callerFor(organizer),
  );
  const lateApp = await seedSubmitted(deps, e2.editionId);
  const now = deps.clock.now().getTime();
  await deps.store.put({
    ...keys.assignmentSettings(e2.editionId),
    entity: 'assignmentSettings',
    ...defaultAssignmentSettings,
    bidding: { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString() },
    version: 1,
  });
  world = {
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
    },
    institutionA: a.institutionId,
    users: { memberA: a.member, memberB: b.member, expert, deactivated, organizer },
    loginUser,
    target,
    open: open.editionId,
    appA: appA.applicationId,
    readyAttachment: ready.attachmentId,
    pendingAttachment: pending.attachmentId,
    removableAttachment: removable.attachmentId,
    fresh: fresh.editionId,
    appSubmit: appSubmit.applicationId,
    appFormal: appFormal.applicationId,
    draft: draft.editionId,
    published: published.editionId,
    exportId: exported.exportId,
    uploadPath: ticket.url,
  };
});

describe('access matrix (real routes, real sessions, seeded data)', () => {
  it('has a row for every route of the policy, and no row without a route', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(routePolicy).sort());
  });

  for (const [route, { sample, expected }] of Object.entries(samples)) {
    it.each(callers)(`${route} as %s → ${JSON.stringify(expected).replace(/"/g, '')}`, async (caller) => {
      const { path, init } = await sample(world, caller);
      const headers = new Headers(init?.headers);
      headers.set('x-test-client-address', `198.51.100.${callers.indexOf(caller)}`);
      // A fresh session per cell, so a cell that logs out cannot change the next one's caller.
      if (caller !== 'anonymous') headers.set('cookie', await sessionCookie(deps, world.users[caller].userId));
      const res = await app.request(path, { ...init, headers });
      expect(res.status, await res.clone().text()).toBe(expected[caller]);
    });
  }

  it("another institution's profile answers exactly like one that does not exist", async () => {
    const cookie = await sessionCookie(deps, world.users.memberB.userId);
    const body = async (path: string) => {
      const res = await app.request(path, { headers: { cookie } });
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      return { status: res.status, code: error.code, message: error.message };
    };
    expect(await body(`/api/institutions/${world.institutionA}`)).toEqual(
      await body(`/api/institutions/${deps.ids.newId()}`),
    );
  });
});
