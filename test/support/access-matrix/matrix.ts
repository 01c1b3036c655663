import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, type Harness } from '../accounts';
import { snapshot, type Probe } from './probes';
import { callers, seedWorld, type Caller, type Marker, type Tenant, type World } from './world';

/**
 * The access matrix's vocabulary and its one runner. A cell is a route × a caller: the request is
 * sent with a real session against DynamoDB Local and the seeded world, and three things are checked:
 *  1. the status, written out per caller (401 / 403 / 404 as docs/access-control.md chooses them);
 *  2. the answer — any answer, 2xx or error — names nothing the route's `sees` rule hides from the
 *     caller (searched for the other tenants' markers), and a 2xx list holds exactly the caller's items;
 *  3. a refused write (any 4xx to POST/PUT/PATCH/DELETE) changed nothing its `touches` probes read.
 */
export type Deps = Harness['deps'];
export type Expected = Record<Caller, number>;
export interface Request {
  path: string;
  init?: RequestInit;
}
export type Sample = (w: World, caller: Caller, deps: Deps) => Promise<Request> | Request;

/**
 * Whose objects an answer of the route may name:
 *  - `nobody`: no tenant's (public or platform answers);
 *  - `self`: the caller's own account or institution only — organizers included;
 *  - `own`: the caller's own; organizers every tenant's (they run the contest);
 *  - `chapter`: `own`, plus the submitted applications of the route's edition (`within`), for its chapter
 *    (an expert sees them only in an edition whose chapter they sit on);
 *  - `{ everything }`: by design, with the reason written next to it.
 */
export type Sees = 'nobody' | 'self' | 'own' | 'chapter' | { everything: string };

export interface Context {
  w: World;
  caller: Caller;
  deps: Deps;
}

export interface Cell {
  sample: Sample;
  expected: Expected;
  sees: Sees;
  /** The route names objects of these editions only (for every caller, organizers too). */
  within?: (w: World) => string[];
  /** Writes only: everything the write could change, compared before and after each refused cell. */
  touches?: (w: World, caller: Caller) => Probe[];
  /** A 2xx body's items are exactly the caller's (the store is the truth); JSON parsed, anything else as text. */
  shows?: (body: never, ctx: Context) => Promise<void> | void;
}

const ownTenants: Record<Caller, readonly Tenant[]> = {
  anonymous: [],
  memberA: ['instA'],
  memberB: ['instB'],
  expert: ['expert'],
  outsider: ['outsider'],
  deactivated: [],
  organizer: ['organizer'],
};

/** The `sees` and `within` rules of a cell, applied to one marker. */
export function mayShow(cell: Pick<Cell, 'sees' | 'within'>, marker: Marker, caller: Caller, w: World): boolean {
  if (typeof cell.sees === 'object') return true;
  const scope = cell.within?.(w);
  if (scope && marker.edition !== undefined && !scope.includes(marker.edition)) return false;
  if (cell.sees === 'nobody') return false;
  if (ownTenants[caller].includes(marker.tenant)) return true;
  if (cell.sees === 'self') return false;
  if (caller === 'organizer') return true;
  const seated = marker.edition !== undefined && (w.seats[marker.edition] ?? []).includes(caller);
  return cell.sees === 'chapter' && marker.tenant === 'applicants' && seated;
}

/** The markers of `w` the answer names although the caller may not see them (what the caller sent is no news). */
export function foreignMarkers(cell: Cell, w: World, caller: Caller, answer: string, sent: string): Marker[] {
  const text = answer.toLowerCase();
  const request = sent.toLowerCase();
  return w.markers.filter((m) => {
    const value = m.value.toLowerCase();
    return text.includes(value) && !request.includes(value) && !mayShow(cell, m, caller, w);
  });
}

export const isWrite = (route: string) => !route.startsWith('GET ');

/** One cell, with all three checks. */
export async function runCell(h: Harness, w: World, route: string, cell: Cell, caller: Caller): Promise<void> {
  const { deps, app } = h;
  const { path, init } = await cell.sample(w, caller, deps);
  const headers = new Headers(init?.headers);
  headers.set('x-test-client-address', `198.51.100.${callers.indexOf(caller)}`);
  // A fresh session per cell, so a cell that logs out cannot change the next one's caller.
  if (caller !== 'anonymous') headers.set('cookie', await sessionCookie(deps, w.users[caller].userId));
  const probes = isWrite(route) ? (cell.touches?.(w, caller) ?? []) : [];
  const before = isWrite(route) ? await snapshot(deps, probes) : null;

  const res = await app.request(path, { ...init, headers });
  const answer = await res.text();
  // Soft, so a cell with the wrong status also reports what its answer leaked.
  expect.soft(res.status, answer.slice(0, 500)).toBe(cell.expected[caller]);

  const sent = `${path} ${typeof init?.body === 'string' ? init.body : ''}`;
  const leaked = foreignMarkers(cell, w, caller, answer, sent).map((m) => `${m.what} (${m.value})`);
  expect.soft(leaked.join('; '), `${route} as ${caller} names what it may not`).toBe('');

  if (res.ok && cell.shows) {
    const json = res.headers.get('content-type')?.startsWith('application/json');
    await cell.shows((json ? JSON.parse(answer) : answer) as never, { w, caller, deps });
  }

  if (before && res.status >= 400) {
    const after = await snapshot(deps, probes);
    const changed = Object.keys(after).filter((k) => !isDeepStrictEqual(before[k], after[k]));
    expect(changed, `refused ${route} as ${caller} changed stored data`).toEqual([]);
  }
}

/** Cells expected to fail because of a known bug: the test stays red-turned-green until the bug is fixed. */
export interface KnownBug {
  caller: Caller;
  bug: string;
}

/** The matrix over a table of routes, every caller, against a world seeded once for the file. */
export function describeMatrix(
  h: Harness,
  title: string,
  rows: Record<string, Cell>,
  options: { knownBugs?: Record<string, KnownBug[]> } = {},
) {
  let world: World;
  beforeAll(async () => {
    world = await seedWorld(h.deps);
  }, 60_000);

  describe(title, () => {
    for (const [route, cell] of Object.entries(rows)) {
      const outcomes = JSON.stringify(cell.expected).replace(/"/g, '');
      for (const caller of callers) {
        const bug = options.knownBugs?.[route]?.find((b) => b.caller === caller);
        const test = bug ? it.fails : it;
        test(`${route} as ${caller} → ${outcomes}${bug ? ` — KNOWN BUG: ${bug.bug}` : ''}`, () =>
          runCell(h, world, route, cell, caller));
      }
    }
  });
}

// Expected statuses by rule (docs/access-control.md), with the outsider: an expert on no chapter of the edition.
export const all = (status: number): Expected => ({
  anonymous: status,
  memberA: status,
  memberB: status,
  expert: status,
  outsider: status,
  deactivated: status,
  organizer: status,
});
export const signedIn = (status: number): Expected => ({ ...all(status), anonymous: 401, deactivated: 401 });
/** Roles that may not call the route at all: 403; not signed in: 401. */
const refusedAll: Expected = { ...all(403), anonymous: 401, deactivated: 401 };
export const ownInstitutionA = (status: number): Expected => ({
  ...refusedAll,
  memberA: status,
  memberB: 404,
  organizer: status,
});
export const organizerOnly = (status: number): Expected => ({ ...refusedAll, organizer: status });
/** Institution A's application: its members and organizers read; another institution gets 404. */
export const ownApplicationA = ownInstitutionA;
/** Changes to A's application: only A's members (organizers read but never answer for an institution). */
export const applicantA = (status: number): Expected => ({ ...refusedAll, memberA: status, memberB: 404 });
/** Any expert, about their own chapters. */
export const experts = (status: number): Expected => ({ ...refusedAll, expert: status, outsider: status });
/** An expert's own work in an edition whose chapter they sit on; the outsider is on another chapter: 404. */
export const chapterExpert = (status: number): Expected => ({ ...refusedAll, expert: status, outsider: 404 });
