import { describe, expect, it } from 'vitest';
import type { PublishedRanking } from '../../shared/measurement/measurement';
import { findMeasurement, savePublication } from '../../shared/measurement/measurement-store';
import { keys } from '../../shared/store/keys';
import { tx } from '../../shared/store/store';
import { createSurvey } from '../../shared/surveys/create-survey';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';

const { deps, app } = apiHarness();
/** Years are global (one measurement a year): this file keeps to 2040–2079, the access matrix to 2000–2024. */
let nextYear = 2040;
const freshYear = () => nextYear++;

async function organizer() {
  const { user } = await seedUser(deps, { role: 'organizer' });
  return { cookie: await sessionCookie(deps, user.userId), userId: user.userId };
}

/** An office of a type with one survey over `year` whose counts give `satisfied` of `n` 4–5 answers per aspect. */
async function office(
  type: 'municipal_office' | 'county_office',
  year: number,
  n: number,
  satisfied: number,
  name?: string,
) {
  const { institutionId, member } = await seedInstitution(deps, { institution: { type, ...(name ? { name } : {}) } });
  const caller = {
    principal: {
      kind: 'user' as const,
      userId: member.userId,
      roles: ['institution' as const],
      institutionId,
      active: true,
    },
    ip: '192.0.2.9',
    userAgent: 'vitest',
  };
  const survey = await createSurvey(deps, {
    caller,
    institutionId,
    draft: { title: { pl: 'Ankieta' }, opensOn: `${year - 1}-06-01`, closesOn: `${year + 1}-12-31`, ownQuestions: [] },
  });
  await setCounts(survey.surveyId, year, n, satisfied);
  return { institutionId, surveyId: survey.surveyId, cookie: await sessionCookie(deps, member.userId) };
}

/** Counts as answers would leave them: half in March, half in October; plus a month of last year that must not count. */
async function setCounts(surveyId: string, year: number, n: number, satisfied: number) {
  const attributes: Record<string, number> = {};
  const put = (month: string, five: number, two: number) => {
    for (const aspect of ['waiting', 'usefulness', 'engagement']) {
      attributes[`month:${month}:${aspect}:5`] = five;
      attributes[`month:${month}:${aspect}:2`] = two;
    }
    attributes[`month:${month}:n`] = five + two;
  };
  const half = Math.floor(satisfied / 2);
  const halfN = Math.floor(n / 2);
  put(`${year}-03`, half, halfN - half);
  put(`${year}-10`, satisfied - half, n - halfN - (satisfied - half));
  put(`${year - 1}-12`, 0, 500);
  await deps.store.put({ ...keys.surveyCounts(surveyId), ...attributes });
}

const optIn = (o: { institutionId: string; cookie: string }, year: number, participating = true) =>
  app.request(`/api/institutions/${o.institutionId}/measurements/${year}/participation`, {
    ...jsonRequest('PUT', { participating }),
    headers: { 'content-type': 'application/json', cookie: o.cookie },
  });
const post = (path: string, cookie: string, body?: unknown) =>
  app.request(path, { ...jsonRequest('POST', body), headers: { 'content-type': 'application/json', cookie } });
const open = (cookie: string, year: number, minAnswers?: number) =>
  post('/api/measurements', cookie, { year, ...(minAnswers ? { minAnswers } : {}) });

describe('the standard measurement (issue 18 §4)', () => {
  it('opens a year, takes opt-ins, previews only participants and publishes a frozen ranking', async () => {
    const org = await organizer();
    const year = freshYear();
    const opened = await open(org.cookie, year);
    expect(opened.status).toBe(201);
    expect(await opened.json()).toMatchObject({ year, status: 'open', minAnswers: 30 });
    expect((await errorOf(await open(org.cookie, year))).code).toBe('ALREADY_EXISTS');

    const a = await office('municipal_office', year, 100, 90, 'Urząd Miasta Alfa');
    const b = await office('municipal_office', year, 100, 95, 'Urząd Gminy Beta');
    const small = await office('municipal_office', year, 20, 20, 'Urząd Gminy Mała');
    const outsider = await office('municipal_office', year, 100, 99, 'Urząd Nieuczestniczący');
    for (const o of [a, b, small]) expect((await optIn(o, year)).status).toBe(200);
    // again: nothing changes, still 200
    expect(await (await optIn(a, year)).json()).toMatchObject({ year, participating: true });

    const detail = await (await app.request(`/api/measurements/${year}`, { headers: { cookie: org.cookie } })).json();
    expect(detail.participants.map((p: { institutionId: string }) => p.institutionId).sort()).toEqual(
      [a, b, small].map((o) => o.institutionId).sort(),
    );

    const previewRes = await app.request(`/api/measurements/${year}/preview`, { headers: { cookie: org.cookie } });
    expect(previewRes.status).toBe(200);
    const preview = (await previewRes.json()) as PublishedRanking;
    const text = JSON.stringify(preview);
    expect(text).not.toContain(outsider.institutionId); // a non-participant's figures are never read
    expect(text).not.toContain('Nieuczestniczący');
    const table = preview.types.find((t) => t.type === 'municipal_office');
    expect(table?.entries.map((e) => [e.institutionId, e.overall?.rank, e.n, e.movement])).toEqual([
      [b.institutionId, 1, 100, 'new'],
      [a.institutionId, 2, 100, 'new'],
      [small.institutionId, undefined, 20, undefined],
    ]);
    expect(table?.entries[1]?.overall?.satisfied).toBeCloseTo(0.9);

    // B leaves before publication: not published
    expect(await (await optIn(b, year, false)).json()).toEqual({ year, participating: false });
    const published = await post(`/api/measurements/${year}/publish`, org.cookie);
    expect(published.status).toBe(200);
    expect((await errorOf(await post(`/api/measurements/${year}/publish`, org.cookie))).code).toBe('INVALID_STATE');

    // Later answers and late opt-ins change nothing published
    await setCounts(a.surveyId, year, 200, 20);
    const late = await errorOf(await optIn(b, year));
    expect(late).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await errorOf(await optIn(a, year, false))).code).toBe('INVALID_STATE');
    const publicRes = await app.request(`/api/public/measurements/${year}`);
    expect(publicRes.status).toBe(200);
    const ranking = (await publicRes.json()) as PublishedRanking;
    expect(ranking.types[0]?.entries.map((e) => [e.name, e.overall?.rank, e.n])).toEqual([
      ['Urząd Miasta Alfa', 1, 100],
      ['Urząd Gminy Mała', undefined, 20],
    ]);
    expect(ranking.types[0]?.entries[0]?.overall?.satisfied).toBeCloseTo(0.9);

    // The audit trail holds every opt-in, opt-out and the publication
    const audited = await deps.store.queryAll({
      index: 'gsi1',
      partitionKey: keys.auditSubject('institution', b.institutionId),
    });
    expect(audited.map((e) => e.action).sort()).toEqual(['measurement.optedIn', 'measurement.optedOut']);
    const yearAudit = await deps.store.queryAll({
      index: 'gsi1',
      partitionKey: keys.auditSubject('measurement', String(year)),
    });
    expect(yearAudit.map((e) => e.action).sort()).toEqual(['measurement.opened', 'measurement.published']);
  });

  it('refuses a publication computed before an office opted out (no ranking with a withdrawn office)', async () => {
    const org = await organizer();
    const year = freshYear();
    expect((await open(org.cookie, year)).status).toBe(201);
    const a = await office('municipal_office', year, 100, 90, 'Urząd Wycofany');
    expect((await optIn(a, year)).status).toBe(200);
    // The publisher reads the measurement and ranks its participants…
    const read = await findMeasurement(deps.store, year, true);
    const preview = await (
      await app.request(`/api/measurements/${year}/preview`, { headers: { cookie: org.cookie } })
    ).json();
    expect(JSON.stringify(preview)).toContain(a.institutionId);
    // …meanwhile the office opts out…
    expect((await optIn(a, year, false)).status).toBe(200);
    // …so the publication of what was read is refused, and nothing is published.
    const ranking = { ...(preview as Omit<PublishedRanking, 'publishedAt'>), publishedAt: new Date().toISOString() };
    const audit = tx.put({ pk: `TEST#${year}`, sk: 'AUDIT', entity: 'test' });
    await expect(savePublication(deps.store, read!, ranking, org.cookie, audit)).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect((await findMeasurement(deps.store, year, true))?.status).toBe('open');
    const published = await app.request(`/api/public/measurements/${year}`);
    expect(published.status).toBe(404);
  });

  it('shows movement against the previous year’s published ranking', async () => {
    const org = await organizer();
    const before = freshYear();
    const year = freshYear();
    const a = await office('county_office', before, 100, 80);
    const b = await office('county_office', before, 100, 90);
    await open(org.cookie, before, 10);
    await optIn(a, before);
    await optIn(b, before);
    expect((await post(`/api/measurements/${before}/publish`, org.cookie)).status).toBe(200);

    await setCounts(a.surveyId, year, 100, 95);
    await setCounts(b.surveyId, year, 100, 85);
    const c = await office('county_office', year, 100, 60);
    await open(org.cookie, year, 10);
    for (const o of [a, b, c]) await optIn(o, year);
    const ranking = (await (await post(`/api/measurements/${year}/publish`, org.cookie)).json()) as PublishedRanking;
    expect(
      ranking.types[0]?.entries.map((e) => [e.institutionId, e.overall?.rank, e.previousRank, e.movement]),
    ).toEqual([
      [a.institutionId, 1, 2, 'up'],
      [b.institutionId, 2, 1, 'down'],
      [c.institutionId, 3, undefined, 'new'],
    ]);
  });

  it('keeps each side to its own: organizers run it, staff opt in for their own office only', async () => {
    const org = await organizer();
    const year = freshYear();
    const a = await office('municipal_office', year, 40, 30);
    const b = await office('municipal_office', year, 40, 30);
    expect((await open(a.cookie, year)).status).toBe(403);
    await open(org.cookie, year);
    // B's staff cannot opt A in (404 like a missing office); the organizer cannot opt anyone in (403)
    expect((await optIn({ institutionId: a.institutionId, cookie: b.cookie }, year)).status).toBe(404);
    expect((await optIn({ institutionId: a.institutionId, cookie: org.cookie }, year)).status).toBe(403);
    expect((await app.request(`/api/measurements/${year}/preview`, { headers: { cookie: a.cookie } })).status).toBe(
      403,
    );
    expect((await app.request(`/api/measurements/${year}/preview`)).status).toBe(401);
    // not published yet: nobody reads it publicly
    expect((await app.request(`/api/public/measurements/${year}`)).status).toBe(404);
    const mine = await (
      await app.request(`/api/institutions/${a.institutionId}/measurements`, { headers: { cookie: a.cookie } })
    ).json();
    expect(mine.items).toContainEqual({ year, status: 'open', minAnswers: 30, participating: false });
  });

  it('refuses bad input naming the field, and unknown years with 404', async () => {
    const org = await organizer();
    const early = await errorOf(await open(org.cookie, 1999));
    expect(early).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(early.fields)).toEqual(['year']);
    const tiny = await errorOf(await open(org.cookie, freshYear(), 5));
    expect(Object.keys(tiny.fields)).toEqual(['minAnswers']);
    const word = await errorOf(await app.request('/api/public/measurements/abc'));
    expect(word).toMatchObject({ status: 404 }); // a path no year can name names nothing
    expect(Object.keys(word.fields)).toEqual(['year']);
    expect((await app.request(`/api/measurements/${freshYear()}`, { headers: { cookie: org.cookie } })).status).toBe(
      404,
    );
    const a = await office('municipal_office', 2079, 10, 10);
    expect((await errorOf(await optIn(a, 2078))).status).toBe(404);
  });
});
