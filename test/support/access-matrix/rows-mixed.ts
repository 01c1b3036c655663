import { jsonRequest } from '../accounts';
import { memberInput } from '../assignment';
import { applicantA, type Cell, chapterExpert, type KnownBug, organizerOnly, ownApplicationA } from './matrix';
import { probe } from './probes';
import { expertOf } from './rows-chapter';
import { resultsMixedRows } from './rows-results';
import { scoringMixedRows } from './rows-scoring';
import { surveyMixedRows } from './rows-surveys';
import { feedbackMixedRows } from './rows-feedback';
import type { World } from './world';

/**
 * Mixed-tenant ids: every route with two or more ids in its path (and the routes taking a second id in
 * the body) called with ids of different owners — B's application with A's attachment, an edition with
 * another edition's application, pair, conflict, export or chapter member. Keys are "<route> — <what>".
 * Every caller runs every row; a caller who may use the route with their own ids still gets 404 (or
 * 400 for a user id that names no expert) and nothing changes.
 */
const del = (path: string) => ({
  path,
  init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
});
const post = (path: (w: World) => string, body: (w: World) => unknown) => (w: World) => ({
  path: path(w),
  init: jsonRequest('POST', body(w)),
});
const files = (w: World) => [
  ...probe.application(w.appA),
  ...probe.attachmentsOfA(w),
  ...probe.application(w.appB),
  ...probe.attachmentBlob(w.appB, w.attachmentB),
];
const chapters = (w: World) => [
  ...probe.edition(w.chapter.e1),
  ...probe.edition(w.chapter.e2),
  ...probe.edition(w.chapter.elsewhere),
];
const e2Pair = async (w: World, deps: Parameters<typeof expertOf>[0]) =>
  `${w.chapter.lockApp}/${await expertOf(deps, w.chapter.e2, w.chapter.lockApp)}`;

export const mixedRows: Record<string, Cell> = {
  ...scoringMixedRows,
  ...resultsMixedRows,
  ...surveyMixedRows,
  ...feedbackMixedRows,
  'GET /api/applications/:applicationId/attachments/:attachmentId — B’s application, A’s attachment': {
    sample: (w) => ({ path: `/api/applications/${w.appB}/attachments/${w.readyAttachment}` }),
    expected: ownApplicationA(404),
    sees: 'own',
  },
  'GET /api/applications/:applicationId/attachments/:attachmentId — A’s application, B’s attachment': {
    sample: (w) => ({ path: `/api/applications/${w.appA}/attachments/${w.attachmentB}` }),
    expected: ownApplicationA(404),
    sees: 'own',
  },
  'POST /api/applications/:applicationId/attachments/:attachmentId/complete — B’s application, A’s pending attachment':
    {
      sample: post(
        (w) => `/api/applications/${w.appB}/attachments/${w.pendingAttachment}/complete`,
        () => ({}),
      ),
      expected: applicantA(404),
      sees: 'own',
      touches: files,
    },
  'DELETE /api/applications/:applicationId/attachments/:attachmentId — B’s application, A’s attachment': {
    sample: (w) => del(`/api/applications/${w.appB}/attachments/${w.readyAttachment}`),
    expected: applicantA(404),
    sees: 'own',
    touches: files,
  },
  'DELETE /api/applications/:applicationId/attachments/:attachmentId — A’s application, B’s attachment': {
    sample: (w) => del(`/api/applications/${w.appA}/attachments/${w.attachmentB}`),
    expected: applicantA(404),
    sees: 'own',
    touches: files,
  },
  'GET /api/editions/:editionId/exports/:exportId — another edition’s export': {
    sample: (w) => ({ path: `/api/editions/${w.open}/exports/${w.exportId}` }),
    expected: organizerOnly(404),
    sees: 'own',
  },
  'GET /api/editions/:editionId/exports/:exportId/file — another edition’s export': {
    sample: (w) => ({ path: `/api/editions/${w.open}/exports/${w.exportId}/file` }),
    expected: organizerOnly(404),
    sees: 'own',
  },
  'PUT /api/editions/:editionId/chapter/:userId — an institution member’s account': {
    sample: (w) => ({
      path: `/api/editions/${w.chapter.e1}/chapter/${w.users.memberA.userId}`,
      init: jsonRequest('PUT', memberInput()),
    }),
    expected: organizerOnly(400),
    sees: 'own',
    touches: (w) => [...chapters(w), ...probe.user(w.users.memberA.userId)],
  },
  'DELETE /api/editions/:editionId/chapter/:userId — a member of another edition’s chapter': {
    sample: (w) => del(`/api/editions/${w.chapter.elsewhere}/chapter/${w.users.expert.userId}`),
    expected: organizerOnly(404),
    sees: 'own',
    touches: (w) => [...chapters(w), ...probe.user(w.users.expert.userId)],
  },
  'DELETE /api/editions/:editionId/conflicts/:userId/:institutionId — another edition’s conflict': {
    sample: (w) =>
      del(`/api/editions/${w.chapter.e1}/conflicts/${w.chapter.colleague}/${w.chapter.colleagueConflictInstitution}`),
    expected: organizerOnly(404),
    sees: 'own',
    touches: chapters,
  },
  'DELETE /api/editions/:editionId/assignment/pairs/:applicationId/:userId — another edition’s pair': {
    sample: async (w, _caller, deps) =>
      del(`/api/editions/${w.chapter.elsewhere}/assignment/pairs/${await e2Pair(w, deps)}`),
    expected: organizerOnly(404),
    sees: 'own',
    touches: chapters,
  },
  'PUT /api/editions/:editionId/assignment/pairs/:applicationId/:userId/lock — another edition’s pair': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.chapter.elsewhere}/assignment/pairs/${await e2Pair(w, deps)}/lock`,
      init: jsonRequest('PUT', { locked: true }),
    }),
    expected: organizerOnly(404),
    sees: 'own',
    touches: chapters,
  },
  'POST /api/editions/:editionId/assignment/pairs — another edition’s application': {
    sample: post(
      (w) => `/api/editions/${w.chapter.elsewhere}/assignment/pairs`,
      (w) => ({ applicationId: w.chapter.lateApp, userId: w.users.outsider.userId }),
    ),
    expected: organizerOnly(404),
    sees: 'own',
    touches: chapters,
  },
  'POST /api/editions/:editionId/assignment/swap — another edition’s pair': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.chapter.elsewhere}/assignment/swap`,
      init: jsonRequest('POST', {
        applicationId: w.chapter.lockApp,
        fromUserId: await expertOf(deps, w.chapter.e2, w.chapter.lockApp),
        toUserId: w.users.outsider.userId,
      }),
    }),
    expected: organizerOnly(404),
    sees: 'own',
    touches: chapters,
  },
  'POST /api/editions/:editionId/conflicts — an expert of another edition’s chapter': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e1}/conflicts`,
      (w) => ({ userId: w.users.outsider.userId, institutionId: w.institutionA, reason: 'Sąsiad' }),
    ),
    expected: organizerOnly(404),
    sees: 'own',
    touches: (w) => [...chapters(w), ...probe.institution(w.institutionA)],
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId — another edition’s application': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.e2}/bids/${w.chapter.elsewhereApps[0]}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
    touches: chapters,
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId — A’s application (the open edition)': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.e2}/bids/${w.appA}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
    touches: (w) => [...chapters(w), ...probe.application(w.appA)],
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId — B’s draft in this edition': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.e2}/bids/${w.chapter.draftAppB}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
    touches: chapters,
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId — the outsider’s edition, an application of e2': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.elsewhere}/bids/${w.chapter.lockApp}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    // The expert is not on that chapter; the outsider is, but the application is not that edition's.
    expected: { ...chapterExpert(404), outsider: 404 },
    sees: 'chapter',
    within: (w) => [w.chapter.elsewhere],
    touches: chapters,
  },
  'POST /api/expert/editions/:editionId/conflicts — another edition’s application': {
    sample: post(
      (w) => `/api/expert/editions/${w.chapter.e2}/conflicts`,
      (w) => ({ applicationId: w.chapter.elsewhereApps[0], reason: 'Znam kierownika' }),
    ),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
    touches: chapters,
  },
  'POST /api/expert/editions/:editionId/conflicts — B’s draft in this edition': {
    sample: post(
      (w) => `/api/expert/editions/${w.chapter.e2}/conflicts`,
      (w) => ({ applicationId: w.chapter.draftAppB, reason: 'Znam kierownika' }),
    ),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
    touches: (w) => [...chapters(w), ...probe.institution(w.institutionB)],
  },
};

/**
 * Routes with two or more path ids that have no mixed row, and why: a section id is a key of the
 * edition's questionnaire (the same for every application), not an object anyone owns.
 */
export const noMixedRow: Record<string, string> = {
  'PUT /api/applications/:applicationId/sections/:sectionId':
    'the section id is a questionnaire key shared by every application, owned by no tenant',
  'GET /api/applications/:applicationId/certificate/files/:file':
    'the file is one of seven fixed names (pdf, emblem-png…), owned by no tenant; the certificate comes from the application',
  'PUT /api/institutions/:institutionId/measurements/:year/participation':
    'the year names the measurement every institution may join, owned by no tenant',
};

/**
 * Cells that fail today because of a bug not fixed on this branch, run with `it.fails` and named in the
 * test title, so they turn red (and must be moved out of here) once the bug is fixed. None at present.
 */
export const mixedKnownBugs: Record<string, KnownBug[]> = {};
