import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import type { OpenApiDocument } from '../../shared/http/openapi/document';
import { pathParamNames } from '../../shared/http/openapi/document';
import { routePolicy } from '../../shared/http/routes/policy';
import { pathParams } from '../../shared/http/schemas';
import { testDeps } from '../support/factories';

/**
 * The served /api/openapi.json against a real OpenAPI validator — Redocly CLI (the registry's
 * @redocly/cli, a dev dependency) with its `recommended` ruleset — and the promises a client
 * generator needs: declared path parameters, a schema for every success answer, operationIds, the
 * session cookie as a security scheme, and 401/403/404 as the policy table decides them.
 */
const run = promisify(execFile);
const redoclyCli = resolve('node_modules/@redocly/cli/bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: ({ $ref: string } | { name: string; in: string })[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

let served: string;
let doc: OpenApiDocument;
const operations: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  const res = await createApp(testDeps()).request('/api/openapi.json');
  expect(res.status).toBe(200);
  served = await res.text();
  doc = JSON.parse(served) as OpenApiDocument;
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) operations.push({ method, path, op: op as Operation });
});

describe('the served OpenAPI document', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes Redocly’s recommended ruleset with no error and only the warnings we accept', async () => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, served);
    // Lint exits 1 when it finds errors; the JSON report on stdout is what we judge.
    const result = await run(
      process.execPath,
      [redoclyCli, 'lint', file, '--extends=recommended', '--format=json', '--max-problems=1000'],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr }));
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    const described = report.problems.map(
      (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`,
    );
    expect(described.filter((p) => p.startsWith('error'))).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // Accepted: no license is declared for this private code base, and three operations take no input
    // at all (health, this document, the docs page), so no 4xx answer exists to declare.
    expect(described.filter((p) => p.startsWith('warn')).sort()).toEqual(
      [
        'warn info-license at #/info: Info object should contain `license` field.',
        'warn operation-4xx-response at #/paths/~1api~1docs/get/responses: Operation must have at least one `4XX` response.',
        'warn operation-4xx-response at #/paths/~1api~1health/get/responses: Operation must have at least one `4XX` response.',
        'warn operation-4xx-response at #/paths/~1api~1openapi.json/get/responses: Operation must have at least one `4XX` response.',
      ].sort(),
    );
  }, 60_000);

  it('declares every path parameter of every templated path', () => {
    const templated = operations.filter(({ path }) => path.includes('{'));
    expect(templated.length).toBeGreaterThan(40);
    const resolveParam = (p: NonNullable<Operation['parameters']>[number]) =>
      '$ref' in p
        ? (doc.components.parameters[p.$ref.replace('#/components/parameters/', '')] as { name: string; in: string })
        : p;
    const undeclared = templated.flatMap(({ method, path, op }) => {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).map(resolveParam).filter((p) => p.in === 'path');
      return inPath.filter((name) => !declared.some((p) => p.name === name)).map((name) => `${method} ${path} ${name}`);
    });
    expect(undeclared).toEqual([]);
  });

  it('bounds every path parameter by name in one table (names ending in Id default to the id schema)', () => {
    const names = new Set(createApp(testDeps()).routes.flatMap((r) => pathParamNames(r.path)));
    expect([...names].filter((name) => !(name in pathParams) && !name.endsWith('Id'))).toEqual([]);
    expect(doc.components.parameters.editionId).toMatchObject({
      in: 'path',
      required: true,
      schema: { $ref: '#/components/schemas/Id' },
    });
    expect(doc.components.schemas.Id).toEqual({ type: 'string', pattern: '^[0-9A-Za-z_-]{1,64}$' });
  });

  it('gives every operation an operationId and a schema for every success answer', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const withoutSchema = operations
      .filter(({ op }) =>
        Object.entries(op.responses)
          .filter(([status]) => status.startsWith('2'))
          .some(
            ([status, r]) =>
              status !== '204' && !Object.values(r.content ?? {}).some((media) => media.schema !== undefined),
          ),
      )
      .map(({ method, path }) => `${method} ${path}`);
    // The acceptance bar is 95 %; every operation has one today, so a new route without one fails here.
    expect(withoutSchema).toEqual([]);
  });

  it('takes 401, 403, 404 and security from the policy table, and the session cookie is a security scheme', () => {
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.servers.length).toBeGreaterThan(0);
    for (const { method, path, op } of operations) {
      const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
      const rule = routePolicy[`${method.toUpperCase()} ${honoPath}`];
      expect(rule, `${method} ${path}`).toBeDefined();
      const where = `${method} ${path}`;
      if (rule?.access === 'public') {
        expect(op.security, where).toEqual([]);
        expect(op.responses['401']?.$ref, where).toBeUndefined(); // login answers its own 401 (wrong password)
        continue;
      }
      expect(op.security, where).toEqual([{ session: [] }]);
      expect(op.responses['401']?.$ref, where).toBe('#/components/responses/Unauthenticated');
      if (rule?.access === 'roles') expect(op.responses['403']?.$ref, where).toBe('#/components/responses/Forbidden');
      if (rule?.access === 'roles' && rule.ownership)
        expect(op.responses['404']?.$ref, where).toBe('#/components/responses/NotFound');
    }
  });

  it('lists shared schemas once under components instead of inlining them (the document was 559 KB)', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ErrorBody', 'Edition', 'Questionnaire', 'Rubric', 'ApplicationView', 'PublicUser']),
    );
    expect(served).not.toContain('"$defs"');
    // It grows by about 2 KB a route (205 KB with the surveys' five); inlining had made it 559 KB.
    expect(served.length).toBeLessThan(250_000);
  });

  it('renders on /api/docs with each $ref a link to its component', async () => {
    const html = await (await createApp(testDeps()).request('/api/docs')).text();
    expect(html).toContain('<details id="schemas-Edition">');
    expect(html).toContain('<a href="#schemas-Edition">#/components/schemas/Edition</a>');
    expect(html).toContain('<a href="#responses-Unauthenticated">');
  });
});
