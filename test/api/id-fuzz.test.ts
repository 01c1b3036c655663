import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../shared/http/openapi/document';
import { routePolicy } from '../../shared/http/routes/policy';
import { apiHarness, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';
import { seedChapterExpert } from '../support/assignment';

/**
 * Issue 11 item 5: no id of any length or alphabet makes any route answer 5xx. Every templated
 * operation of the served OpenAPI document is called with each path parameter replaced by odd ids
 * (the others real, so each caller gets as deep into the route as it can), as each caller the
 * policy lets in and anonymously; the id query parameters and cursors get the same. Before ids were
 * checked in one place, a 2,100-character id reached DynamoDB, which refuses keys over 2,048 bytes (500).
 */
const { deps, app } = apiHarness();

/** Path segments as sent, already percent-encoded where needed. */
const oddIds: string[] = [
  ...[1, 64, 65, 300, 2100, 5000].map((n) => 'A'.repeat(n)),
  encodeURIComponent('ż'.repeat(1100)), // 1,100 characters, 2,200 bytes
  'a%23b', // the key separator
  'a%2Fb',
  '..',
  '%2E%2E',
  '%00',
  'a%01b',
  encodeURIComponent('\u202Eevil'), // a bidi override
  encodeURIComponent('zażółć gęślą jaźń'),
  '%ZZ', // not a percent escape
  `${'A'.repeat(3000)}.${'B'.repeat(43)}`, // shaped like an upload token, too big for any id
];

type Caller = 'anonymous' | 'organizer' | 'institution' | 'expert';
const cookies: Partial<Record<Caller, string>> = {};
const real: Record<string, string> = {
  attachmentId: '01FUZZNOATTACHMENT',
  exportId: '01FUZZNOEXPORT',
  sectionId: 'standards',
  token: 'e30.c2lnbmF0dXJl',
};
let doc: OpenApiDocument;

beforeAll(async () => {
  const { user: organizer } = await seedUser(deps, { role: 'organizer' });
  const edition = await seedEdition(deps);
  const { institutionId, member } = await seedInstitution(deps);
  const application = await seedApplication(deps, member, edition.editionId);
  const expert = await seedChapterExpert(deps, edition.editionId, organizer);
  Object.assign(real, {
    editionId: edition.editionId,
    applicationId: application.applicationId,
    institutionId,
    userId: expert.userId,
  });
  cookies.organizer = await sessionCookie(deps, organizer.userId);
  cookies.institution = await sessionCookie(deps, member.userId);
  cookies.expert = await sessionCookie(deps, expert.userId);
  doc = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
});

interface Call {
  caller: Caller;
  method: string;
  url: string;
  /** The operation, as the document names its path. */
  path: string;
}

/** Who to call an operation as: anonymously, and as each role the policy lets in. */
function callersOf(method: string, path: string): Caller[] {
  const rule = routePolicy[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`];
  if (!rule || rule.access === 'public') return ['anonymous', 'organizer'];
  if (rule.access === 'signedIn') return ['anonymous', 'organizer', 'institution', 'expert'];
  return ['anonymous', ...rule.roles];
}

async function send({ caller, method, url }: Call): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const cookie = cookies[caller];
  if (cookie) headers.cookie = cookie;
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const res = await app.request(url, { method, headers, ...(hasBody ? { body: '{}' } : {}) });
  return { status: res.status, body: await res.text() };
}

/** Sends the calls a few at a time; answers with the 5xx ones, described. */
async function serverErrors(calls: Call[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < calls.length; i += 8) {
    const batch = calls.slice(i, i + 8);
    const answers = await Promise.all(batch.map(send));
    answers.forEach(({ status, body }, j) => {
      const call = batch[j] as Call;
      if (status >= 500)
        found.push(
          `${call.caller} ${call.method} ${call.path} as ${call.url.slice(0, 100)} → ${status} ${body.slice(0, 120)}`,
        );
    });
  }
  return found;
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ path, method })));

describe('ids of any length and alphabet never make a route answer 5xx', () => {
  it('in every path parameter of every templated operation of the OpenAPI document', async () => {
    const calls: Call[] = [];
    const templated = operations().filter(({ path }) => path.includes('{'));
    expect(templated.length).toBeGreaterThan(40);
    for (const { path, method } of templated) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      for (const fuzzed of names)
        for (const odd of oddIds) {
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            name === fuzzed ? odd : encodeURIComponent(real[name] ?? 'A'),
          );
          for (const caller of callersOf(method, path)) calls.push({ caller, method: method.toUpperCase(), url, path });
        }
    }
    expect(await serverErrors(calls)).toEqual([]);
  }, 300_000);

  it('in every id and cursor of the query string', async () => {
    const calls: Call[] = [];
    for (const { path, method } of operations()) {
      const op = doc.paths[path]?.[method] as {
        parameters?: { name?: string; in?: string; required?: boolean; schema?: { enum?: string[] } }[];
      };
      const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.name);
      const base = new URLSearchParams();
      for (const p of query) {
        const enumValue = p.schema?.enum?.[0];
        // A required choice (the role of /api/users) and a subject's type beside its id (the audit).
        if (enumValue && (p.required || query.some((q) => q.name === `${p.name?.replace(/Type$/, '')}Id`)))
          base.set(p.name as string, enumValue);
      }
      const fuzzable = query.filter((p) => /Id$|^cursor$/.test(p.name as string));
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(real[name] ?? 'A'));
      for (const p of fuzzable)
        for (const odd of oddIds) {
          const search = `${base.toString()}${base.size > 0 ? '&' : ''}${p.name}=${odd}`;
          for (const caller of callersOf(method, path))
            calls.push({ caller, method: method.toUpperCase(), url: `${url}?${search}`, path });
        }
    }
    expect(calls.length).toBeGreaterThan(100);
    expect(await serverErrors(calls)).toEqual([]);
  }, 300_000);

  it('answers an over-long path id with a 404 that names the parameter, before any key is built', async () => {
    const res = await send({
      caller: 'organizer',
      method: 'GET',
      url: `/api/editions/${'A'.repeat(2100)}`,
      path: '/api/editions/{editionId}',
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({
      error: { code: 'NOT_FOUND', fields: { editionId: 'Nieprawidłowy identyfikator.' } },
    });
    const query = await send({
      caller: 'organizer',
      method: 'GET',
      url: `/api/audit?subjectType=edition&subjectId=${'A'.repeat(300)}`,
      path: '/api/audit',
    });
    expect(query.status).toBe(400);
    expect(JSON.parse(query.body)).toMatchObject({ error: { fields: { subjectId: 'Nieprawidłowy identyfikator.' } } });
  });
});
