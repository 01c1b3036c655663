import { expect } from 'vitest';
import { toHeader } from '../../../shared/applications/application-store';
import { pairsOf } from '../../../shared/assignment/assignment';
import { findExpertAssignment, listExpertAssignments } from '../../../shared/assignment/assignment-store';
import { previewAssignment } from '../../../shared/assignment/preview-assignment';
import { assignableStatuses, getAssignmentSettingsOrDefault } from '../../../shared/chapter/chapter-store';
import { listBids } from '../../../shared/chapter/conflict-store';
import { setConflict } from '../../../shared/chapter/set-conflict';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { callerFor } from '../applications';
import { memberInput } from '../assignment';
import { type Cell, chapterExpert, type Deps, experts, organizerOnly } from './matrix';
import { probe } from './probes';
import type { SignedInCaller, World } from './world';

/** The chapter, the assignment and the experts' own pages: one row per route. */
const del = (path: string) => ({
  path,
  init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
});
const post = (path: (w: World) => string, body: (w: World) => unknown) => (w: World) => ({
  path: path(w),
  init: jsonRequest('POST', body(w)),
});
/** The one expert (k = 1) currently assigned to the application. */
export const expertOf = async (deps: Deps, editionId: string, applicationId: string) =>
  pairsOf((await listExpertAssignments(deps.store, editionId)).experts).find((p) => p.applicationId === applicationId)
    ?.userId ?? 'none';
/** Applications the chapter may see: submitted or accepted ones of the edition (never drafts). */
export const assignableIds = async (deps: Deps, editionId: string) =>
  (
    await Promise.all(
      assignableStatuses.map((s) =>
        deps.store.queryAll({
          index: 'gsi2',
          partitionKey: keys.editionApplications(editionId),
          sortKeyPrefix: `${s}#`,
        }),
      ),
    )
  )
    .flat()
    .map((i) => toHeader(i).applicationId);
const e1 = (w: World) => [w.chapter.e1];
const e2 = (w: World) => [w.chapter.e2];
const me = (w: World, caller: string) => w.users[caller as SignedInCaller].userId;

export const chapterRows: Record<string, Cell> = {
  'GET /api/editions/:editionId/chapter': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/chapter` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e2,
    shows: (body: { items: { userId: string }[] }, { w }) =>
      expect(body.items.map((m) => m.userId).sort()).toEqual([w.users.expert.userId, w.chapter.colleague].sort()),
  },
  'PUT /api/editions/:editionId/chapter/:userId': {
    sample: (w) => ({
      path: `/api/editions/${w.chapter.e1}/chapter/${w.chapter.candidate}`,
      init: jsonRequest('PUT', memberInput()),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e1,
    touches: (w) => [...probe.edition(w.chapter.e1), ...probe.user(w.chapter.candidate)],
  },
  'DELETE /api/editions/:editionId/chapter/:userId': {
    sample: (w) => del(`/api/editions/${w.chapter.e1}/chapter/${w.chapter.removable}`),
    expected: organizerOnly(204),
    sees: 'own',
    within: e1,
    touches: (w) => [...probe.edition(w.chapter.e1), ...probe.user(w.chapter.removable)],
  },
  'GET /api/editions/:editionId/assignment-settings': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e1}/assignment-settings` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e1,
  },
  'PUT /api/editions/:editionId/assignment-settings': {
    sample: async (w, _caller, deps) => {
      const current = await getAssignmentSettingsOrDefault(deps.store, w.chapter.e1, true);
      return {
        path: `/api/editions/${w.chapter.e1}/assignment-settings`,
        init: jsonRequest('PUT', { ...current, balance: 2 }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: e1,
    touches: (w) => probe.edition(w.chapter.e1),
  },
  'GET /api/editions/:editionId/conflicts': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/conflicts` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e2,
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
    sees: 'own',
    within: e1,
    touches: (w) => [...probe.edition(w.chapter.e1), ...probe.institution(w.chapter.conflictInstitution)],
  },
  'DELETE /api/editions/:editionId/conflicts/:userId/:institutionId': {
    sample: async (w, caller, deps) => {
      // Each organizer cell lifts a conflict it set up just before (other callers never reach it).
      if (caller === 'organizer')
        await setConflict(deps, {
          editionId: w.chapter.e2,
          userId: w.chapter.colleague,
          institutionId: w.chapter.conflictInstitution,
          reason: 'Do zdjęcia',
          caller: callerFor(w.users.organizer),
        });
      return del(`/api/editions/${w.chapter.e2}/conflicts/${w.chapter.colleague}/${w.chapter.conflictInstitution}`);
    },
    expected: organizerOnly(204),
    sees: 'own',
    within: e2,
    touches: (w) => [...probe.edition(w.chapter.e2), ...probe.institution(w.chapter.conflictInstitution)],
  },
  'GET /api/editions/:editionId/assignment': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/assignment` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e2,
  },
  'POST /api/editions/:editionId/assignment/preview': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e1}/assignment/preview`,
      () => ({ mode: 'full' }),
    ),
    expected: organizerOnly(200),
    sees: 'own',
    within: e1,
    touches: (w) => probe.edition(w.chapter.e1),
  },
  'POST /api/editions/:editionId/assignment/commit': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.chapter.e1}/assignment/commit`,
      init: jsonRequest('POST', {
        mode: 'full',
        previewId: (await previewAssignment(deps, { editionId: w.chapter.e1, mode: 'full' })).previewId,
      }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e1,
    touches: (w) => probe.edition(w.chapter.e1),
  },
  'POST /api/editions/:editionId/assignment/pairs': {
    sample: post(
      (w) => `/api/editions/${w.chapter.e2}/assignment/pairs`,
      (w) => ({ applicationId: w.chapter.lateApp, userId: w.chapter.colleague }),
    ),
    expected: organizerOnly(201),
    sees: 'own',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },
  'DELETE /api/editions/:editionId/assignment/pairs/:applicationId/:userId': {
    sample: async (w, _caller, deps) =>
      del(
        `/api/editions/${w.chapter.e2}/assignment/pairs/${w.chapter.removeApp}/${await expertOf(deps, w.chapter.e2, w.chapter.removeApp)}`,
      ),
    expected: organizerOnly(204),
    sees: 'own',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },
  'PUT /api/editions/:editionId/assignment/pairs/:applicationId/:userId/lock': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.chapter.e2}/assignment/pairs/${w.chapter.lockApp}/${await expertOf(deps, w.chapter.e2, w.chapter.lockApp)}/lock`,
      init: jsonRequest('PUT', { locked: true }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },
  'POST /api/editions/:editionId/assignment/swap': {
    sample: async (w, _caller, deps) => {
      const from = await expertOf(deps, w.chapter.e2, w.chapter.swapApp);
      const to = from === w.users.expert.userId ? w.chapter.colleague : w.users.expert.userId;
      return {
        path: `/api/editions/${w.chapter.e2}/assignment/swap`,
        init: jsonRequest('POST', { applicationId: w.chapter.swapApp, fromUserId: from, toUserId: to }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },

  'GET /api/expert/editions': {
    sample: () => ({ path: '/api/expert/editions' }),
    expected: experts(200),
    sees: 'own',
    // Exactly the chapters the caller sits on: e1, e2 and the scoring edition for the expert, the other
    // edition for the outsider.
    shows: (body: { items: { editionId: string }[] }, { w, caller }) =>
      expect(body.items.map((e) => e.editionId).sort()).toEqual(
        (caller === 'expert' ? [w.chapter.e1, w.chapter.e2, w.scoring.edition] : [w.chapter.elsewhere]).sort(),
      ),
  },
  'GET /api/expert/editions/:editionId/assignments': {
    sample: (w) => ({ path: `/api/expert/editions/${w.chapter.e2}/assignments` }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within: e2,
    shows: async (body: { items: { applicationId: string }[] }, { w, caller, deps }) => {
      const { mine } = await findExpertAssignment(deps.store, w.chapter.e2, me(w, caller));
      expect(body.items.map((p) => p.applicationId).sort()).toEqual(
        (mine?.pairs ?? []).map((p) => p.applicationId).sort(),
      );
      expect(body.items.length).toBeGreaterThan(0);
    },
  },
  'GET /api/expert/editions/:editionId/bidding': {
    sample: (w) => ({ path: `/api/expert/editions/${w.chapter.e2}/bidding?limit=100` }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within: e2,
    // Submitted applications of e2 only (B's draft is not the chapter's), each with the caller's own bid.
    shows: async (body: { items: { applicationId: string; bid: number }[] }, { w, caller, deps }) => {
      const visible = await assignableIds(deps, w.chapter.e2);
      expect(body.items.map((i) => i.applicationId).sort()).toEqual(visible.sort());
      const bids = new Map(
        (await listBids(deps.store, w.chapter.e2, me(w, caller))).map((b) => [b.applicationId, b.value]),
      );
      expect(body.items.map((i) => [i.applicationId, i.bid])).toEqual(
        body.items.map((i) => [i.applicationId, bids.get(i.applicationId) ?? 0]),
      );
    },
  },
  'PUT /api/expert/editions/:editionId/bids/:applicationId': {
    sample: (w) => ({
      path: `/api/expert/editions/${w.chapter.e2}/bids/${w.chapter.lateApp}`,
      init: jsonRequest('PUT', { value: 1 }),
    }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },
  'POST /api/expert/editions/:editionId/conflicts': {
    sample: post(
      (w) => `/api/expert/editions/${w.chapter.e2}/conflicts`,
      (w) => ({ applicationId: w.chapter.declareApp, reason: 'Znam kierownika' }),
    ),
    expected: chapterExpert(201),
    sees: 'chapter',
    within: e2,
    touches: (w) => probe.edition(w.chapter.e2),
  },
};
