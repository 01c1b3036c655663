import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSplitBundle, esmRequireBanner, lambdaEntries } from '../../infra/constructs/bundling';

/** The api's split bundle as the stack deploys it (infra/constructs/bundling.ts `buildSplitBundle`). */
describe('the api split bundle', () => {
  let dir: string;
  let files: { name: string; code: string }[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'split-bundle-'));
    buildSplitBundle(lambdaEntries.api, dir);
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mjs'))
      .map((name) => ({ name, code: readFileSync(join(dir, name), 'utf8') }));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the require banner exactly in the files that use require, and a line in its place elsewhere', () => {
    const withBanner = files.filter((f) => f.code.startsWith(esmRequireBanner));
    expect(withBanner.length).toBeGreaterThan(0); // bundled CommonJS (the AWS SDK's) needs it somewhere
    expect(withBanner.length).toBeLessThan(files.length / 2);
    for (const f of files) {
      const body = f.code.startsWith(esmRequireBanner) ? f.code.slice(esmRequireBanner.length) : f.code;
      expect(body.startsWith('\n'), `${f.name}: the first line stays, so source maps keep their lines`).toBe(true);
      expect(/\brequire\b/.test(body), `${f.name}: uses require only with the banner`).toBe(
        f.code.startsWith(esmRequireBanner),
      );
    }
  });

  it('loads every chunk in Node without a missing require', async () => {
    for (const f of files.filter((x) => x.name.startsWith('chunks')))
      await import(pathToFileURL(join(dir, f.name)).href);
  }, 120_000);
});
