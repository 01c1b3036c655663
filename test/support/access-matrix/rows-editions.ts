import { expect } from 'vitest';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../../shared/editions/sample-edition';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { type Cell, type Deps, organizerOnly, signedIn } from './matrix';
import { probe } from './probes';
import type { Caller, World } from './world';

/** Editions, their extensions, applications lists and exports: the rows of the matrix (one per route). */
const settingsNow = (deps: Deps, name: string) => ({ ...sampleSettings(deps.clock.now()), name });
const versionOf = async (deps: Deps, editionId: string) =>
  (await deps.store.get<{ version: number }>(keys.edition(editionId), { consistent: true }))?.version ?? 0;
/** Per-cell edition names, so a refused cell's probe can look for the edition it would have made. */
const cellName = (w: World, caller: Caller, label: string) => `${label} ${w.tag} ${caller}`;
const onlyOpen = (w: World) => [w.open];
const onlyThird = (w: World) => [w.third];
const post =
  (path: (w: World) => string, body: (w: World, caller: Caller) => unknown = () => ({})) =>
  (w: World, caller: Caller) => ({ path: path(w), init: jsonRequest('POST', body(w, caller)) });

export const editionRows: Record<string, Cell> = {
  'GET /api/editions': {
    sample: () => ({ path: '/api/editions?limit=100' }),
    expected: signedIn(200),
    // Drafts are the organizers' (the draft edition is a tenant of its own).
    sees: 'own',
    shows: (body: { items: { editionId: string; state: string }[] }, { w, caller }) => {
      if (caller !== 'organizer') expect(body.items.filter((e) => e.state === 'draft')).toEqual([]);
      // The world's draft is dated last, so an organizer finds it on this first page.
      else expect(body.items.map((e) => e.editionId)).toContain(w.draft);
    },
  },
  'GET /api/editions/:editionId': {
    sample: (w) => ({ path: `/api/editions/${w.open}` }),
    expected: signedIn(200),
    sees: 'nobody',
    shows: (body: { editionId: string }, { w }) => expect(body.editionId).toBe(w.open),
  },
  'POST /api/editions': {
    sample: (w, caller, deps) => ({
      path: '/api/editions',
      init: jsonRequest('POST', settingsNow(deps, cellName(w, caller, 'Nowa'))),
    }),
    expected: organizerOnly(201),
    sees: 'own',
    touches: (w, caller) => probe.editionsNamed(cellName(w, caller, 'Nowa')),
  },
  'PUT /api/editions/:editionId': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.draft}`,
      init: jsonRequest('PUT', { ...settingsNow(deps, w.draftName), version: await versionOf(deps, w.draft) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.edition(w.draft),
  },
  'PUT /api/editions/:editionId/rubric': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.draft}/rubric`,
      init: jsonRequest('PUT', { rubric: sampleRubric(), version: await versionOf(deps, w.draft) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.edition(w.draft),
  },
  'PUT /api/editions/:editionId/questionnaire': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.draft}/questionnaire`,
      init: jsonRequest('PUT', { questionnaire: sampleQuestionnaire(), version: await versionOf(deps, w.draft) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.edition(w.draft),
  },
  'POST /api/editions/:editionId/transitions': {
    sample: async (w, _caller, deps) => ({
      path: `/api/editions/${w.published}/transitions`,
      init: jsonRequest('POST', { to: 'archived', version: await versionOf(deps, w.published) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => probe.edition(w.published),
  },
  'POST /api/editions/:editionId/clone': {
    sample: post(
      (w) => `/api/editions/${w.open}/clone`,
      (w, caller) => ({ name: cellName(w, caller, 'Klon') }),
    ),
    expected: organizerOnly(201),
    sees: 'own',
    touches: (w, caller) => [...probe.edition(w.open), ...probe.editionsNamed(cellName(w, caller, 'Klon'))],
  },
  'GET /api/editions/:editionId/extensions': {
    sample: (w) => ({ path: `/api/editions/${w.open}/extensions` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: onlyOpen,
  },
  'POST /api/editions/:editionId/extensions': {
    sample: post(
      (w) => `/api/editions/${w.open}/extensions`,
      (w) => ({ institutionId: w.institutionA, until: '2026-12-31T12:00:00+01:00', reason: 'Awaria' }),
    ),
    expected: organizerOnly(201),
    sees: 'own',
    within: onlyOpen,
    touches: (w) => [...probe.edition(w.open), ...probe.institution(w.institutionA)],
  },
  'POST /api/editions/:editionId/applications': {
    sample: post((w) => `/api/editions/${w.fresh}/applications`),
    expected: { ...organizerOnly(403), memberA: 201, memberB: 201 },
    sees: 'own',
    touches: (w) => [
      ...probe.edition(w.fresh),
      ...probe.institution(w.institutionA),
      ...probe.institution(w.institutionB),
    ],
    shows: (body: { institutionId: string; editionId: string }, { w, caller }) => {
      expect(body.editionId).toBe(w.fresh);
      expect(body.institutionId).toBe(caller === 'memberA' ? w.institutionA : w.institutionB);
    },
  },
  'GET /api/editions/:editionId/applications': {
    sample: (w) => ({ path: `/api/editions/${w.open}/applications?limit=100` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: onlyOpen,
    shows: (body: { items: { applicationId: string; editionId: string }[] }, { w }) => {
      expect(body.items.every((a) => a.editionId === w.open)).toBe(true);
      expect(body.items.map((a) => a.applicationId).sort()).toEqual([w.appA, w.appB].sort());
    },
  },
  'GET /api/editions/:editionId/application-counts': {
    sample: (w) => ({ path: `/api/editions/${w.open}/application-counts` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: onlyOpen,
    shows: (body: Record<string, number>) => expect(body.draft).toBe(2),
  },
  'GET /api/editions/:editionId/exports': {
    sample: (w) => ({ path: `/api/editions/${w.third}/exports` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: onlyThird,
    shows: (body: { items: { editionId: string }[] }, { w }) =>
      expect(body.items.every((x) => x.editionId === w.third)).toBe(true),
  },
  'POST /api/editions/:editionId/exports': {
    sample: post(
      (w) => `/api/editions/${w.third}/exports`,
      () => ({ format: 'csv' }),
    ),
    expected: organizerOnly(202),
    sees: 'own',
    within: onlyThird,
    touches: (w) => probe.edition(w.third),
  },
  'GET /api/editions/:editionId/exports/:exportId': {
    sample: (w) => ({ path: `/api/editions/${w.third}/exports/${w.exportId}` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: onlyThird,
  },
  'GET /api/editions/:editionId/exports/:exportId/file': {
    sample: (w) => ({ path: `/api/editions/${w.third}/exports/${w.exportId}/file` }),
    expected: organizerOnly(200),
    // The CSV of the third edition: B's submitted application, nothing of another edition.
    sees: 'own',
    within: onlyThird,
    shows: (csv: string, { w }) => expect(csv).toContain(w.mark('INSTB')),
  },
};
