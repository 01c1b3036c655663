import { expect } from 'vitest';
import { lockDecisions } from '../../../shared/results/lock-decisions';
import { findDeliberation, listDecisions } from '../../../shared/results/results-store';
import { unlockDecisions } from '../../../shared/results/unlock-decisions';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { callerFor } from '../applications';
import { all, type Cell, type Deps, organizerOnly, ownApplicationA, ownInstitutionA } from './matrix';
import { type Probe, probe } from './probes';
import type { World } from './world';

/**
 * Results (issue 14): the organizer's deliberation and publication, the public record, each
 * institution's own result and history; one row per route. The public rows are `sees: 'nobody'`:
 * A's applications and every `ZNAK-HIDDEN…` applicant are non-laureates, so an answer naming one of
 * them fails the cell (laureates carry no marker: they are public by design).
 */
const base = (editionId: string) => `/api/editions/${editionId}/results`;
const deliberation = (w: World) => w.results.deliberation;

/** Everything a results write could change: the edition (method, lock, decisions, state, audit), its
 * published versions (own partition and the shared public list, ours only), the applications' own results. */
const results = (w: World, editionId: string): Probe[] => [
  ...probe.edition(editionId),
  { kind: 'partition', pk: keys.snapshotPartition(editionId) },
  { kind: 'index', index: 'gsi1', pk: keys.publishedResults(), where: (item) => item.editionId === editionId },
  { kind: 'index', index: 'gsi2', pk: keys.editionResults(editionId) },
  ...(w.results.appsOf[editionId] ?? []).flatMap(probe.application),
];

const versionOf = async (deps: Deps, editionId: string) =>
  (await findDeliberation(deps.store, editionId, true))?.version ?? 0;

/** Puts the decisions of an edition in deliberation in the state a cell needs (as the organizer, before the cell). */
export async function setLocked(deps: Deps, w: World, editionId: string, locked: boolean): Promise<void> {
  const found = await findDeliberation(deps.store, editionId, true);
  if (Boolean(found?.locked) === locked) return;
  const input = { caller: callerFor(w.users.organizer), editionId, version: found?.version ?? 0 };
  await (locked ? lockDecisions(deps, input) : unlockDecisions(deps, input));
}

/** The current decision version of an application (0: none recorded). */
const decisionVersion = async (deps: Deps, editionId: string, applicationId: string) =>
  (await listDecisions(deps.store, editionId)).find((d) => d.applicationId === applicationId)?.version ?? 0;

interface Named {
  name: string;
}
interface PublicResults {
  snapshot: {
    version: number;
    edition: { editionId: string };
    categories: { laureates: Named[]; distinctions: Named[] }[];
  };
}
const namedIn = (body: PublicResults) =>
  body.snapshot.categories.flatMap((c) => [...c.laureates, ...c.distinctions]).map((e) => e.name);

export const resultsRows: Record<string, Cell> = {
  'GET /api/editions/:editionId/results': {
    sample: (w) => ({ path: base(deliberation(w)) }),
    // Experts may read it only as the chair of that edition's chapter (test/api/results.test.ts): 404 otherwise.
    expected: { ...organizerOnly(200), expert: 404, outsider: 404 },
    sees: 'own',
    within: (w) => [deliberation(w)],
    shows: (body: { categories: { rows: { applicationId: string }[] }[] }, { w }) =>
      expect(body.categories.flatMap((c) => c.rows.map((r) => r.applicationId)).sort()).toEqual(
        [w.results.deliberationAppA, w.results.deliberationHidden].sort(),
      ),
  },
  'PUT /api/editions/:editionId/results/method': {
    sample: async (w, _caller, deps) => {
      await setLocked(deps, w, deliberation(w), false);
      return {
        path: `${base(deliberation(w))}/method`,
        init: jsonRequest('PUT', {
          aggregation: 'median',
          basis: 'raw',
          version: await versionOf(deps, deliberation(w)),
        }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [deliberation(w)],
    touches: (w) => results(w, deliberation(w)),
  },
  'PUT /api/editions/:editionId/results/decisions/:applicationId': {
    sample: async (w, _caller, deps) => {
      await setLocked(deps, w, deliberation(w), false);
      const applicationId = w.results.deliberationHidden;
      return {
        path: `${base(deliberation(w))}/decisions/${applicationId}`,
        init: jsonRequest('PUT', {
          outcome: 'notAwarded',
          version: await decisionVersion(deps, deliberation(w), applicationId),
        }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [deliberation(w)],
    touches: (w) => results(w, deliberation(w)),
  },
  'POST /api/editions/:editionId/results/lock': {
    sample: async (w, _caller, deps) => {
      await setLocked(deps, w, deliberation(w), false);
      return {
        path: `${base(deliberation(w))}/lock`,
        init: jsonRequest('POST', { version: await versionOf(deps, deliberation(w)) }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [deliberation(w)],
    touches: (w) => results(w, deliberation(w)),
  },
  'POST /api/editions/:editionId/results/unlock': {
    sample: async (w, _caller, deps) => {
      await setLocked(deps, w, deliberation(w), true);
      return {
        path: `${base(deliberation(w))}/unlock`,
        init: jsonRequest('POST', { version: await versionOf(deps, deliberation(w)) }),
      };
    },
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [deliberation(w)],
    touches: (w) => results(w, deliberation(w)),
  },
  'POST /api/editions/:editionId/results/publish': {
    sample: async (w, _caller, deps) => ({
      path: `${base(w.results.toPublish)}/publish`,
      init: jsonRequest('POST', { version: await versionOf(deps, w.results.toPublish) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [w.results.toPublish],
    touches: (w) => results(w, w.results.toPublish),
  },
  'POST /api/editions/:editionId/results/corrections': {
    sample: async (w, _caller, deps) => ({
      path: `${base(w.results.published)}/corrections`,
      init: jsonRequest('POST', {
        version: await versionOf(deps, w.results.published),
        reason: 'Korekta: Kapituła przyznała wyróżnienie zamiast tytułu.',
        decisions: [{ applicationId: w.results.laureateApp, outcome: 'distinction', reason: 'Dostępność cyfrowa.' }],
      }),
    }),
    expected: organizerOnly(201),
    sees: 'own',
    within: (w) => [w.results.published],
    touches: (w) => results(w, w.results.published),
  },
  'GET /api/public/results': {
    sample: () => ({ path: '/api/public/results' }),
    expected: all(200),
    sees: 'nobody',
    shows: (body: { items: { editionId: string }[] }, { w }) =>
      expect(body.items.map((i) => i.editionId)).toContain(w.results.published),
  },
  'GET /api/public/results/:editionId': {
    sample: (w) => ({ path: `/api/public/results/${w.results.published}` }),
    expected: all(200),
    sees: 'nobody',
    shows: (body: PublicResults, { w }) => {
      expect(body.snapshot.edition.editionId).toBe(w.results.published);
      // The laureate (or, once corrected, the same institution as a distinction): nobody else.
      expect(namedIn(body)).toEqual([w.results.laureateName]);
    },
  },
  'GET /api/public/results/:editionId/versions/:version': {
    sample: (w) => ({ path: `/api/public/results/${w.results.published}/versions/1` }),
    expected: all(200),
    sees: 'nobody',
    shows: (body: PublicResults, { w }) => {
      expect(body.snapshot.version).toBe(1);
      expect(namedIn(body)).toEqual([w.results.laureateName]);
    },
  },
  'GET /api/applications/:applicationId/result': {
    sample: (w) => ({ path: `/api/applications/${w.results.publishedAppA}/result` }),
    expected: ownApplicationA(200),
    sees: 'own',
    shows: (body: { status: string; result: { applicationId: string; outcome: string } }, { w }) => {
      expect(body.status).toBe('ready');
      expect(body.result).toMatchObject({ applicationId: w.results.publishedAppA, outcome: 'notAwarded' });
    },
  },
  'GET /api/institutions/:institutionId/results': {
    sample: (w) => ({ path: `/api/institutions/${w.institutionA}/results` }),
    expected: ownInstitutionA(200),
    sees: 'own',
    // A's results in every published edition: the results world's published one and the certificates
    // world's (the deliberating edition is not published).
    shows: (body: { items: { applicationId: string }[] }, { w }) =>
      expect(body.items.map((i) => i.applicationId).sort()).toEqual(
        [w.results.publishedAppA, w.certificates.appA].sort(),
      ),
  },
};

/**
 * The results routes with ids the caller may not combine: a decision about another edition's
 * application, a correction naming another edition's application in its body, and a version of an
 * edition whose results were never published.
 */
export const resultsMixedRows: Record<string, Cell> = {
  'PUT /api/editions/:editionId/results/decisions/:applicationId — another edition’s application': {
    sample: async (w, _caller, deps) => {
      await setLocked(deps, w, deliberation(w), false);
      return {
        path: `${base(deliberation(w))}/decisions/${w.results.publishedAppA}`,
        init: jsonRequest('PUT', { outcome: 'notAwarded', version: 0 }),
      };
    },
    expected: organizerOnly(404),
    sees: 'own',
    within: (w) => [deliberation(w)],
    touches: (w) => [...results(w, deliberation(w)), ...results(w, w.results.published)],
  },
  'POST /api/editions/:editionId/results/corrections — another edition’s application in the body': {
    sample: async (w, _caller, deps) => ({
      path: `${base(w.results.published)}/corrections`,
      init: jsonRequest('POST', {
        version: await versionOf(deps, w.results.published),
        reason: 'Korekta zgłoszenia innej edycji.',
        decisions: [{ applicationId: w.results.deliberationHidden, outcome: 'laureate', reason: 'Nie ta edycja.' }],
      }),
    }),
    expected: organizerOnly(400),
    sees: 'own',
    within: (w) => [w.results.published],
    touches: (w) => [...results(w, w.results.published), ...results(w, deliberation(w))],
  },
  'GET /api/public/results/:editionId/versions/:version — an edition never published (others have version 1)': {
    sample: (w) => ({ path: `/api/public/results/${deliberation(w)}/versions/1` }),
    expected: all(404),
    sees: 'nobody',
  },
};
