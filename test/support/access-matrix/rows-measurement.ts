import { expect } from 'vitest';
import { openMeasurement } from '../../../shared/measurement/open-measurement';
import { publishMeasurement } from '../../../shared/measurement/publish-measurement';
import { setMeasurementParticipation } from '../../../shared/measurement/set-measurement-participation';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { all, type Cell, type Deps, type Expected, organizerOnly } from './matrix';
import type { Probe } from './probes';
import type { World } from './world';

/**
 * The standard measurement (issue 18 §4): organizers open, preview and publish a year; an institution's
 * staff opt their own office in or out; anyone reads a published ranking. Years are global, so this table
 * keeps to 2000–2024 (test/api/measurement.test.ts to 2040–2079; the demo's test uses this year and the last); its cells seed through the use cases.
 */
let nextYear = 2000;
/** The year the last sample used (a write's probes read its partition). */
let sampled = 0;

const as = (w: World, who: 'organizer' | 'memberA') => ({
  principal: {
    kind: 'user' as const,
    userId: w.users[who].userId,
    roles: [who === 'organizer' ? ('organizer' as const) : ('institution' as const)],
    ...(who === 'memberA' ? { institutionId: w.institutionA } : {}),
    active: true,
  },
  ip: '192.0.2.77',
  userAgent: 'matrix',
});

/** A new year's measurement, open, optionally with A opted in and published. */
async function year(w: World, deps: Deps, options: { withA?: boolean; publish?: boolean } = {}): Promise<number> {
  const y = nextYear++;
  if (y > 2024) throw new Error('the access matrix ran out of measurement years (2000–2024)');
  await openMeasurement(deps, { caller: as(w, 'organizer'), year: y, minAnswers: 10 });
  if (options.withA)
    await setMeasurementParticipation(deps, {
      caller: as(w, 'memberA'),
      institutionId: w.institutionA,
      year: y,
      participating: true,
    });
  if (options.publish) await publishMeasurement(deps, { caller: as(w, 'organizer'), year: y });
  sampled = y;
  return y;
}

/** One year per world for the reads (opened once, A opted in; and one published). */
const shared = new WeakMap<World, { open: Promise<number>; published: Promise<number> }>();
function sharedYears(w: World, deps: Deps) {
  let years = shared.get(w);
  if (!years) {
    years = { open: year(w, deps, { withA: true }), published: year(w, deps, { withA: true, publish: true }) };
    shared.set(w, years);
  }
  return years;
}

const staffOfA = (status: number): Expected => ({
  ...all(403),
  anonymous: 401,
  deactivated: 401,
  memberA: status,
  memberB: 404,
});
const yearProbes = (): Probe[] => [{ kind: 'partition', pk: keys.measurementPartition(sampled) }];

export const measurementRows: Record<string, Cell> = {
  'GET /api/measurements': {
    sample: async (w, _caller, deps) => {
      await sharedYears(w, deps).open;
      return { path: '/api/measurements' };
    },
    expected: organizerOnly(200),
    sees: 'own',
    shows: (body: { items: { year: number }[] }) => expect(body.items.length).toBeGreaterThan(0),
  },
  'POST /api/measurements': {
    sample: () => {
      sampled = nextYear++;
      if (sampled > 2024) throw new Error('the access matrix ran out of measurement years (2000–2024)');
      return { path: '/api/measurements', init: jsonRequest('POST', { year: sampled }) };
    },
    expected: organizerOnly(201),
    sees: 'own',
    touches: yearProbes,
    shows: (body: { status: string }) => expect(body.status).toBe('open'),
  },
  'GET /api/measurements/:year': {
    sample: async (w, _caller, deps) => ({ path: `/api/measurements/${await sharedYears(w, deps).open}` }),
    expected: organizerOnly(200),
    sees: 'own',
    shows: (body: { participants: { institutionId: string }[] }, { w }) =>
      expect(body.participants.map((p) => p.institutionId)).toEqual([w.institutionA]),
  },
  'GET /api/measurements/:year/preview': {
    sample: async (w, _caller, deps) => ({ path: `/api/measurements/${await sharedYears(w, deps).open}/preview` }),
    expected: organizerOnly(200),
    sees: 'own',
    // Only A opted in: B's surveys are never read, so B is nowhere in the answer.
    shows: (body: { types: { entries: { institutionId: string }[] }[] }, { w }) =>
      expect(body.types.flatMap((t) => t.entries.map((e) => e.institutionId))).toEqual([w.institutionA]),
  },
  'POST /api/measurements/:year/publish': {
    sample: async (w, _caller, deps) => ({
      path: `/api/measurements/${await year(w, deps, { withA: true })}/publish`,
      init: jsonRequest('POST'),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: yearProbes,
    shows: (body: { publishedAt: string }) => expect(body.publishedAt).toMatch(/^\d{4}-/),
  },
  'GET /api/institutions/:institutionId/measurements': {
    sample: async (w, _caller, deps) => {
      await sharedYears(w, deps).open;
      return { path: `/api/institutions/${w.institutionA}/measurements` };
    },
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { items: { participating: boolean }[] }) =>
      expect(body.items.some((m) => m.participating)).toBe(true),
  },
  'PUT /api/institutions/:institutionId/measurements/:year/participation': {
    sample: async (w, _caller, deps) => ({
      path: `/api/institutions/${w.institutionA}/measurements/${await year(w, deps)}/participation`,
      init: jsonRequest('PUT', { participating: true }),
    }),
    expected: staffOfA(200),
    sees: 'own',
    touches: yearProbes,
    shows: (body: { participating: boolean }) => expect(body.participating).toBe(true),
  },
  'GET /api/public/measurements/:year': {
    sample: async (w, _caller, deps) => ({ path: `/api/public/measurements/${await sharedYears(w, deps).published}` }),
    expected: all(200),
    sees: { everything: 'a published ranking names the institutions that opted in to it, by design (issue 18 §4)' },
    shows: (body: { types: { entries: { institutionId: string }[] }[] }, { w }) =>
      expect(body.types.flatMap((t) => t.entries.map((e) => e.institutionId))).toEqual([w.institutionA]),
  },
};
