/**
 * `npm run verify-results -- <url|file>`: recompute the SHA-256 of a published results snapshot
 * and compare it with the published hash (issue 14).
 *
 * The argument is the public JSON endpoint (`…/api/public/results/<editionId>` or its
 * `…/versions/<n>`) or a file holding that endpoint's body `{ snapshot, sha256 }`, or just the
 * snapshot (then only its hash is printed). Deliberately independent of the platform's code: it
 * canonicalizes with the `canonicalize` package (RFC 8785) and hashes with node:crypto itself,
 * never importing shared/results/snapshot.ts, so a bug there cannot hide here.
 *
 * Exit codes: 0 the hash matches (or was only printed), 1 mismatch, 2 bad input.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import canonicalize from 'canonicalize';

class BadInput extends Error {}

const say = (line: string) => process.stdout.write(`${line}\n`);

async function load(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { headers: { accept: 'application/json' } });
    } catch (error) {
      throw new BadInput(`cannot fetch ${source}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new BadInput(`HTTP ${response.status} ${response.statusText} from ${source}`);
    return response.text();
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new BadInput(`cannot read ${source}: ${(error as Error).message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function extract(body: unknown): { snapshot: Record<string, unknown>; published?: string } {
  if (isObject(body) && isObject(body.snapshot)) {
    if (body.sha256 !== undefined && typeof body.sha256 !== 'string') throw new BadInput('"sha256" is not a string');
    return { snapshot: body.snapshot, ...(typeof body.sha256 === 'string' ? { published: body.sha256 } : {}) };
  }
  if (isObject(body) && typeof body.format === 'string' && body.format.startsWith('przyjazny-urzad/results@')) {
    return { snapshot: body };
  }
  throw new BadInput('no results snapshot in the input (expected { snapshot, sha256 } or a snapshot)');
}

async function main(argv: string[]): Promise<number> {
  const source = argv[0];
  if (!source || argv.length > 1) {
    console.error('usage: npm run verify-results -- <url|file>');
    return 2;
  }
  try {
    const text = await load(source);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadInput(`${source} is not JSON`);
    }
    const { snapshot, published } = extract(body);
    const canonical = canonicalize(snapshot);
    if (canonical === undefined) throw new BadInput('the snapshot has no JSON form');
    const recomputed = createHash('sha256').update(canonical, 'utf8').digest('hex');
    say(`sha256 ${recomputed}`);
    if (published === undefined) {
      say('(no published hash in the input to compare with)');
      return 0;
    }
    if (published.trim().toLowerCase() === recomputed) {
      say('OK — matches the published hash');
      return 0;
    }
    say(`MISMATCH: published ${published}, recomputed ${recomputed}`);
    return 1;
  } catch (error) {
    if (error instanceof BadInput) {
      console.error(`verify-results: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
