import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import { createApp } from '../../shared/http/app';
import type { OpenApiDocument } from '../../shared/http/openapi/document';
import { routePolicy } from '../../shared/http/routes/policy';
import { keys } from '../../shared/store/keys';
import { apiHarness } from '../support/accounts';
import { type ResultsWorld, resultsWorld } from '../support/results';

/**
 * Issue 14 acceptance: "non-laureates seeded with unique marker names never appear in any public
 * route's response (routes enumerated from the OpenAPI document)". Published results (and a
 * correction, so two versions exist) where every non-laureate — scored low, overridden from laureate
 * to not awarded, rejected or withdrawn after being scored high — carries a `ZZMARKER-…` name and
 * town; then every public GET operation of the served OpenAPI document is called anonymously with its
 * path parameters filled from the seeded data, and no body or header may name a marker.
 */
const h = apiHarness({ maxBodyBytes: 64 * 1024 });
/** The same deps as deployed: no local outbox (the local one lists every e-mail by design). */
const cloud = createApp({ ...h.deps, settings: { ...h.deps.settings, mode: 'cloud' } });

const tag = randomBytes(4).toString('hex');
const marker = (who: string) => `ZZMARKER-${who}-${tag}`;

interface Marker {
  what: string;
  value: string;
}
const markers: Marker[] = [];

let w: ResultsWorld;
let laureateName: string;
let distinctionName: string;
let doc: OpenApiDocument;
/** Seeded ids by path parameter name: every value is tried. */
let fill: Record<string, string[]>;

/** Renames an institution (its profile and the header's copy), so its name and town are markers. */
async function hide(header: ApplicationHeader, who: string, status: ApplicationHeader['status'] = header.status) {
  const name = `Urząd ${marker(who)}`;
  const profile = await h.deps.store.get<{ address: Record<string, unknown> }>(keys.institution(header.institutionId), {
    consistent: true,
  });
  if (!profile) throw new Error(`no institution ${header.institutionId}`);
  const town = `Miasto ${marker(`${who}-TOWN`)}`;
  await h.deps.store.put({
    ...profile,
    ...keys.institution(header.institutionId),
    name,
    address: { ...profile.address, city: town },
  });
  await h.deps.store.put(
    headerItem({ ...header, status, institution: { ...header.institution, name }, version: header.version + 1 }),
  );
  markers.push(
    { what: `${who} name`, value: marker(who) },
    { what: `${who} town`, value: marker(`${who}-TOWN`) },
    { what: `${who} application id`, value: header.applicationId },
    { what: `${who} institution id`, value: header.institutionId },
    // Quoted: ten digits in a row also occur inside a SHA-256 hex string.
    { what: `${who} NIP`, value: `"${header.institution.nip}"` },
  );
}

beforeAll(async () => {
  // 0 laureate · 1 laureate overridden to not awarded · 2 rejected and 3 withdrawn (both scored 9) ·
  // 4, 5 below the threshold · 6 below it, a distinction in the correction (public by design).
  w = await resultsWorld(h, { scores: [9, 9, 9, 9, 6, 3, 5], feedback: `Opinia ${marker('FEEDBACK')}` });
  markers.push({ what: 'the experts’ feedback', value: marker('FEEDBACK') });
  const app = (i: number) => w.applications[i] as ApplicationHeader;
  const [laureate, overridden, rejected, withdrawn, low, lower, distinction] = [0, 1, 2, 3, 4, 5, 6].map(app) as [
    ApplicationHeader,
    ApplicationHeader,
    ApplicationHeader,
    ApplicationHeader,
    ApplicationHeader,
    ApplicationHeader,
    ApplicationHeader,
  ];
  laureateName = laureate.institution.name;
  distinctionName = distinction.institution.name;
  await hide(overridden, 'OVERRIDDEN');
  await hide(rejected, 'REJECTED', 'rejected');
  await hide(withdrawn, 'WITHDRAWN', 'withdrawn');
  await hide(low, 'LOW');
  await hide(lower, 'LOWER');

  const base = `/api/editions/${w.edition.editionId}/results`;
  const ok = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    return JSON.parse(text) as { version: number };
  };
  await ok(
    await w.as(w.cookie, 'PUT', `${base}/decisions/${overridden.applicationId}`, {
      outcome: 'notAwarded',
      reason: `Powód ${marker('OVERRIDE-REASON')}`,
      version: 0,
    }),
  );
  markers.push({ what: 'the override’s reason (not awarded)', value: marker('OVERRIDE-REASON') });
  await ok(await w.as(w.cookie, 'POST', `${base}/lock`, { version: 0 }));
  await ok(await w.as(w.cookie, 'POST', `${base}/publish`, { version: 1 }));
  await h.deps.jobs.drain();
  const corrected = await ok(
    await w.as(w.cookie, 'POST', `${base}/corrections`, {
      version: 2,
      reason: 'Korekta: pominięto wyróżnienie.',
      decisions: [{ applicationId: distinction.applicationId, outcome: 'distinction', reason: 'Dostępność cyfrowa.' }],
    }),
    201,
  );
  expect(corrected.version).toBe(2);
  await h.deps.jobs.drain();

  doc = (await (await h.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  const hidden = [overridden, rejected, withdrawn, low, lower];
  fill = {
    editionId: [w.edition.editionId],
    version: ['1', '2'],
    // Parameters no public results route has: the non-laureates' own ids anyway.
    applicationId: hidden.map((a) => a.applicationId),
    institutionId: hidden.map((a) => a.institutionId),
  };
}, 120_000);

const policyKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

/** Every public GET operation of the document, as policy keys and OpenAPI paths. */
const publicGets = () =>
  Object.entries(doc.paths)
    .filter(([path, item]) => 'get' in item && routePolicy[policyKey('get', path)]?.access === 'public')
    .map(([path]) => ({ key: policyKey('get', path), path }));

/** The path with every parameter filled, one URL per combination of the seeded values. */
function urlsOf(path: string): string[] {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  let urls = [path];
  for (const name of names) {
    const values = fill[name] ?? [w.edition.editionId, ...(fill.applicationId ?? [])];
    urls = urls.flatMap((u) => values.map((v) => u.replace(`{${name}}`, encodeURIComponent(v))));
  }
  return urls;
}

/** The markers a text names (case-insensitive, like the access matrix). */
const leaks = (text: string) => markers.filter((m) => text.toLowerCase().includes(m.value.toLowerCase()));

async function sweep(app: { request: (url: string) => Response | Promise<Response> }, skip: string[] = []) {
  const answers: { key: string; url: string; status: number }[] = [];
  const found: string[] = [];
  for (const { key, path } of publicGets()) {
    if (skip.includes(key)) continue;
    for (const url of urlsOf(path)) {
      const res = await app.request(url);
      const text = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await res.text()}`;
      answers.push({ key, url, status: res.status });
      for (const m of leaks(text)) found.push(`${url} (${res.status}) names ${m.what}`);
    }
  }
  return { answers, found };
}

const resultsRoutes = [
  'GET /api/public/results',
  'GET /api/public/results/:editionId',
  'GET /api/public/results/:editionId/versions/:version',
];

describe('privacy of published results (issue 14 §5): non-laureates appear in no public answer', () => {
  it('the markers are really in the data: the organizer’s deliberation table names every non-laureate', async () => {
    const res = await w.as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/results`);
    const text = await res.text();
    expect(res.status).toBe(200);
    const named = leaks(text).map((m) => m.what);
    // Rejected and withdrawn applications take no part, so even the organizer's table does not list them.
    for (const who of ['OVERRIDDEN', 'LOW', 'LOWER']) expect(named).toContain(`${who} name`);
    expect(named).not.toContain('REJECTED name');
    expect(named).not.toContain('WITHDRAWN name');
  });

  it('the enumeration finds the three public results routes, and they answer with the published record', async () => {
    const keys = publicGets().map((o) => o.key);
    for (const route of resultsRoutes) expect(keys).toContain(route);
    const { answers } = await sweep(h.app, ['GET /api/dev/outbox']);
    for (const route of resultsRoutes) {
      const mine = answers.filter((a) => a.key === route);
      expect(mine.length, route).toBeGreaterThan(0);
      expect(
        mine.every((a) => a.status === 200),
        route,
      ).toBe(true);
    }
    expect(answers.find((a) => a.url.endsWith('/versions/2'))).toBeDefined();
    const latest = await (await h.app.request(`/api/public/results/${w.edition.editionId}`)).text();
    expect(latest).toContain(laureateName);
    expect(latest).toContain(distinctionName);
  });

  it('no public GET of the OpenAPI document names a non-laureate, in its body or headers (local mode)', async () => {
    // The local outbox lists every e-mail by design (a person trying the platform clicks its links);
    // it does not exist in the cloud, where the next test sweeps it too.
    const { answers, found } = await sweep(h.app, ['GET /api/dev/outbox']);
    expect(answers.length).toBeGreaterThan(resultsRoutes.length);
    expect(found).toEqual([]);
  });

  it('nor as deployed (cloud mode), the outbox included (404)', async () => {
    const { answers, found } = await sweep(cloud);
    expect(answers.find((a) => a.key === 'GET /api/dev/outbox')?.status).toBe(404);
    expect(found).toEqual([]);
  });
});
