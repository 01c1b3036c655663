import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResultsSnapshot, snapshotFormat, snapshotHash } from '../../shared/results/snapshot';

const run = promisify(execFile);

/** Runs the script as `npm run verify-results` does and returns its exit code and output. */
async function verify(arg: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-results.ts', arg], {
      cwd: process.cwd(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const snapshot = (): ResultsSnapshot => ({
  format: snapshotFormat,
  edition: { editionId: 'ed-9', name: 'Przyjazny Urząd', number: 'IX edycja', year: 2025 },
  version: 1,
  publishedAt: '2025-12-01T10:00:00.000Z',
  validUntil: '2026-12-01T10:00:00.000Z',
  rubricVersion: 'a'.repeat(64),
  thresholdPercent: 75,
  basis: 'raw',
  aggregation: 'mean',
  categories: [
    {
      code: 'all',
      name: { pl: 'Wszystkie instytucje', en: 'All institutions' },
      laureates: [
        { institutionId: 'i1', name: 'Urząd Miasta Łodzi', town: 'Łódź', type: 'municipal_office', place: 1 },
        {
          institutionId: 'i2',
          name: 'Starostwo Powiatowe w Żyrardowie',
          town: 'Żyrardów',
          type: 'county_office',
          place: 2,
        },
      ],
      distinctions: [
        {
          institutionId: 'i3',
          name: 'MOPS Gdańsk',
          town: 'Gdańsk',
          type: 'social_welfare_centre',
          reason: 'Za dostępność.',
        },
      ],
    },
  ],
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-results-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run verify-results', () => {
  it('a published body whose hash matches → exit 0, the hash printed', async () => {
    const s = snapshot();
    const sha256 = snapshotHash(s);
    const file = join(dir, 'ok.json');
    // Key order and whitespace differ from the canonical form: the script must canonicalize itself.
    await writeFile(file, JSON.stringify({ sha256, snapshot: s }, null, 2));
    const result = await verify(file);
    expect(result.stdout).toContain(`sha256 ${sha256}`);
    expect(result.stdout).toContain('OK — matches the published hash');
    expect(result.code).toBe(0);
  }, 30_000);

  it('one laureate name altered after hashing → exit 1, MISMATCH naming both hashes', async () => {
    const s = snapshot();
    const sha256 = snapshotHash(s);
    const altered = snapshot();
    const first = altered.categories[0]?.laureates[0];
    if (!first) throw new Error('fixture has a laureate');
    first.name = 'Urząd Miasta Łodzi (zmieniony)';
    const file = join(dir, 'altered.json');
    await writeFile(file, JSON.stringify({ snapshot: altered, sha256 }));
    const result = await verify(file);
    expect(result.stdout).toContain(`MISMATCH: published ${sha256}, recomputed ${snapshotHash(altered)}`);
    expect(result.code).toBe(1);
  }, 30_000);

  it('a file with just the snapshot → its hash, exit 0', async () => {
    const file = join(dir, 'bare.json');
    await writeFile(file, JSON.stringify(snapshot()));
    const result = await verify(file);
    expect(result.stdout).toContain(`sha256 ${snapshotHash(snapshot())}`);
    expect(result.code).toBe(0);
  }, 30_000);

  it('bad input → exit 2 with a message: missing file, not JSON, no snapshot', async () => {
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, 'this is not json');
    const noSnapshot = join(dir, 'none.json');
    await writeFile(noSnapshot, JSON.stringify({ sha256: 'abc' }));
    const results = await Promise.all([verify(join(dir, 'missing.json')), verify(notJson), verify(noSnapshot)]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(results[0]?.stderr).toContain('cannot read');
    expect(results[1]?.stderr).toContain('is not JSON');
    expect(results[2]?.stderr).toContain('no results snapshot');
  }, 30_000);

  it('a URL: the public endpoint body is fetched and checked; an HTTP error → exit 2', async () => {
    const s = snapshot();
    const body = JSON.stringify({ snapshot: s, sha256: snapshotHash(s) });
    const server = createServer((req, res) => {
      if (req.url === '/api/public/results/ed-9') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const [ok, missing] = await Promise.all([
        verify(`${base}/api/public/results/ed-9`),
        verify(`${base}/api/public/results/nope`),
      ]);
      expect(ok.stdout).toContain('OK — matches the published hash');
      expect(ok.code).toBe(0);
      expect(missing.stderr).toContain('HTTP 404');
      expect(missing.code).toBe(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);
});
