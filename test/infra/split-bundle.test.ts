import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSplitBundle, esmRequireBanner, lambdaEntries } from '../../infra/constructs/bundling';
import { staticClosure } from '../../infra/constructs/merge-static-chunks';

/** The api's split bundle as the stack deploys it (infra/constructs/bundling.ts `buildSplitBundle`). */
describe('the api split bundle', () => {
  let dir: string;
  let files: { name: string; code: string }[];
  let metafile: Metafile;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'split-bundle-'));
    metafile = buildSplitBundle(lambdaEntries.api, dir);
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mjs'))
      .map((name) => ({ name, code: readFileSync(join(dir, name), 'utf8') }));
  }, 60_000);
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the require banner exactly in the chunks that use require, and a line in its place elsewhere', () => {
    // index.mjs is a second esbuild pass over the handler's static chunks (merge-static-chunks.ts): the
    // banners of the chunks it holds are code inside it, not its first line.
    const chunks = files.filter((f) => f.name !== 'index.mjs');
    const withBanner = chunks.filter((f) => f.code.startsWith(esmRequireBanner));
    expect(withBanner.length).toBeGreaterThan(0); // bundled CommonJS (the AWS SDK's) needs it somewhere
    expect(withBanner.length).toBeLessThan(chunks.length / 2);
    for (const f of chunks) {
      const body = f.code.startsWith(esmRequireBanner) ? f.code.slice(esmRequireBanner.length) : f.code;
      // A group's chunk may start with its imports from index.mjs on a line of their own (its map has one
      // more empty line), then the banner's line as esbuild wrote it.
      const firstLine = body.startsWith('import') && !f.code.startsWith(esmRequireBanner) ? body.indexOf('\n') : 0;
      const rest = body.slice(firstLine);
      const afterLifted = rest.startsWith(`\n${esmRequireBanner}`) ? rest.slice(esmRequireBanner.length + 1) : rest;
      expect(afterLifted.startsWith('\n'), `${f.name}: the first line stays, so source maps keep their lines`).toBe(
        true,
      );
      expect(/\brequire\b/.test(afterLifted), `${f.name}: uses require only with the banner`).toBe(
        f.code.startsWith(esmRequireBanner) || rest.startsWith(`\n${esmRequireBanner}`),
      );
    }
  });

  it('holds the handler’s static chunks in index.mjs: it imports no chunk, and no file imports a missing one', () => {
    const index = files.find((f) => f.name === 'index.mjs');
    expect(index?.code).not.toMatch(/import[^(]*?from\s*"\.\/chunks\//);
    expect(index?.code).toMatch(/import\("\.\/chunks\/[^"]+\.mjs"\)/); // the groups stay lazy
    const names = new Set(files.map((f) => f.name));
    for (const f of files)
      for (const [, spec] of f.code.matchAll(/(?:from|import\(?)\s*"(\.{1,2}\/[^"]+\.mjs)"/g)) {
        const target = join(dirname(f.name), spec as string);
        expect(names.has(target), `${f.name} imports ${spec}`).toBe(true);
      }
    // The merged chunks' exports, under their new names, are what the groups import.
    expect(files.filter((f) => f.code.includes('from"../index.mjs"')).length).toBeGreaterThan(10);
  });

  /** The sources a dynamically imported module brings with it: its chunk and the chunks that chunk imports statically. */
  const loadedWith = (source: string): string[] => {
    const start = Object.keys(metafile.outputs).find((o) => metafile.outputs[o]?.entryPoint === source);
    expect(start, `${source} is a chunk of its own`).toBeDefined();
    return staticClosure(metafile.outputs, start ?? '').flatMap((o) => Object.keys(metafile.outputs[o]?.inputs ?? {}));
  };

  it('the expert’s assignment list, the membership check and the public results load neither the edition’s schemas nor the stores that write', () => {
    // docs/performance.md: the expert's list is the most frequent expert request; building the edition's
    // ~500 zod schemas and loading the stores the chapter writes through cost it ~0.14× of its cold start.
    const heavy = ['shared/editions/edition.ts', 'shared/editions/questionnaire.ts', 'shared/chapter/chapter-store.ts'];
    for (const source of ['shared/http/routes/expert.ts', 'shared/chapter/member-store.ts']) {
      const inputs = loadedWith(source);
      expect(inputs).toContain(source);
      for (const h of heavy) expect(inputs, `${source} loads ${h}`).not.toContain(h);
    }
    expect(loadedWith('shared/http/routes/expert.ts')).toContain('shared/assignment/list-my-assignments.ts');
    // The public results pages (opened from QR codes) read published versions only.
    const publicPages = loadedWith('shared/http/routes/public-results.ts');
    for (const h of ['shared/editions/edition.ts', 'shared/results/results-store.ts', 'shared/audit/audit-store.ts'])
      expect(publicPages, `the public results load ${h}`).not.toContain(h);
    // The other expert routes still reach them, on their first call.
    expect(loadedWith('shared/assignment/list-my-chapters.ts')).toContain('shared/editions/edition.ts');
  });

  it('the autosave, the editions list and the ownership check load no audit store (its writes’ only)', () => {
    // The reads of applications, editions, accounts and extensions are modules of their own
    // (*-read-store.ts); the stores that write with an audit entry re-export them.
    for (const source of [
      'shared/http/routes/applications.ts',
      'shared/http/routes/editions.ts',
      'shared/applications/application-read-store.ts',
    ]) {
      const inputs = loadedWith(source);
      expect(inputs).toContain(source);
      for (const h of ['shared/audit/audit-store.ts', 'shared/exports/spreadsheet.ts'])
        expect(inputs, `${source} loads ${h}`).not.toContain(h);
    }
    expect(loadedWith('shared/http/routes/applications.ts')).toContain('shared/applications/save-section.ts');
    expect(loadedWith('shared/http/routes/editions.ts')).toContain('shared/editions/list-editions.ts');
  });

  it('loads every chunk in Node without a missing require', async () => {
    // The groups' chunks import index.mjs, which reads the function's configuration when it loads.
    const env = {
      AWS_REGION: 'eu-central-1',
      TABLE_NAME: 'split-bundle-test',
      DOCUMENTS_BUCKET: 'docs',
      CERTIFICATES_BUCKET: 'certs',
      JOBS_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/jobs',
      MAIL_FROM: 'test@example.org',
      APP_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:app',
      ORIGIN_SECRET: 'split-bundle-test',
      LOG_LEVEL: 'error',
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    for (const f of files.filter((x) => x.name.startsWith('chunks')))
      await import(pathToFileURL(join(dir, f.name)).href);
  }, 120_000);
});
