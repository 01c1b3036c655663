import { describe, expect, it } from 'vitest';
import { routePolicy } from '../../shared/http/routes/policy';
import { apiHarness, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { seedEdition } from '../support/applications';
import { seedChapterExpert } from '../support/assignment';
import { type Cell, isWrite } from '../support/access-matrix/matrix';
import { applicationRows } from '../support/access-matrix/rows-applications';
import { chapterRows } from '../support/access-matrix/rows-chapter';
import { editionRows } from '../support/access-matrix/rows-editions';
import { mixedRows, noMixedRow } from '../support/access-matrix/rows-mixed';
import { platformRows } from '../support/access-matrix/rows-platform';
import { resultsRows } from '../support/access-matrix/rows-results';
import { scoringRows } from '../support/access-matrix/rows-scoring';
import { certificateRows } from '../support/access-matrix/rows-certificates';
import { surveyRows } from '../support/access-matrix/rows-surveys';
import { feedbackRows } from '../support/access-matrix/rows-feedback';
import { measurementRows } from '../support/access-matrix/rows-measurement';

/**
 * The access matrix's own guarantees (docs/access-control.md). The cells run in the
 * access-matrix-<group>.test.ts files, one per route group, each against its own seeded world.
 */
const tables: Record<string, Record<string, Cell>> = {
  platform: platformRows,
  editions: editionRows,
  applications: applicationRows,
  chapter: chapterRows,
  scoring: scoringRows,
  results: resultsRows,
  certificates: certificateRows,
  surveys: surveyRows,
  feedback: feedbackRows,
  measurement: measurementRows,
};
const rows = Object.values(tables).flatMap((t) => Object.entries(t));
const routeOf = (key: string) => key.split(' — ')[0] ?? key;

describe('access matrix: the tables', () => {
  it('has exactly one row for every route of the policy, and no row without a route', () => {
    expect(rows.map(([route]) => route).sort()).toEqual(Object.keys(routePolicy).sort());
  });

  it('says what every write could change (probed before and after each refused cell), and reads have no probes', () => {
    for (const [route, cell] of [...rows, ...Object.entries(mixedRows)]) {
      if (isWrite(routeOf(route))) expect(cell.touches, route).toBeTypeOf('function');
      else expect(cell.touches, route).toBeUndefined();
    }
  });

  it('names the chapter edition of every `chapter` rule', () => {
    for (const [route, cell] of [...rows, ...Object.entries(mixedRows)])
      if (cell.sees === 'chapter') expect(cell.within, route).toBeTypeOf('function');
  });

  it('mixes ids of different owners on every route with two or more ids (or says why not)', () => {
    const multiId = Object.keys(routePolicy).filter((r) => (r.match(/:\w+/g) ?? []).length >= 2);
    const mixed = new Set(Object.keys(mixedRows).map(routeOf));
    for (const route of multiId) expect(mixed.has(route) || route in noMixedRow, route).toBe(true);
    for (const key of Object.keys(mixedRows)) expect(Object.keys(routePolicy), key).toContain(routeOf(key));
    expect(multiId.length).toBeGreaterThan(10);
  });
});

describe('access matrix: refusals that reveal nothing', () => {
  const { deps, app } = apiHarness();
  const errorOf = async (path: string, cookie: string) => {
    const res = await app.request(path, { headers: { cookie } });
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    return { status: res.status, code: error.code, message: error.message.replace(/[0-9A-Z]{26}/g, '<id>') };
  };

  it("another institution's profile answers exactly like one that does not exist", async () => {
    const a = await seedInstitution(deps);
    const b = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, b.member.userId);
    expect(await errorOf(`/api/institutions/${a.institutionId}`, cookie)).toEqual(
      await errorOf(`/api/institutions/${deps.ids.newId()}`, cookie),
    );
  });

  it('an expert off the chapter is answered exactly as for an edition that does not exist', async () => {
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const edition = await seedEdition(deps);
    await seedChapterExpert(deps, edition.editionId, organizer);
    const { user: outsider } = await seedUser(deps, { role: 'expert' });
    const cookie = await sessionCookie(deps, outsider.userId);
    expect(await errorOf(`/api/expert/editions/${edition.editionId}/assignments`, cookie)).toEqual(
      await errorOf(`/api/expert/editions/${deps.ids.newId()}/assignments`, cookie),
    );
  });
});
