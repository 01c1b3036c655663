import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { AREA_TEXTS, type AreaName, TEXT_AREAS } from '../../web/src/area-texts';

// The SPA loads an area's texts with its chunk (web/src/area-chunks.ts): a page whose code uses a key of a
// text file its area does not load would show the key instead of words. Every web module an area's chunk
// imports is read for key prefixes (`t('scoring.…')`, `` t(`results.${…}`) ``) — a node test: it bundles.

const root = fileURLToPath(new URL('../../', import.meta.url));
const areasDir = join(root, 'web/src/areas');

/** Top-level keys of each area's text file (`audit.pl.json` has `audit` and `auditAction`). */
const prefixesOf = (area: string): string[] =>
  Object.keys(JSON.parse(readFileSync(join(root, `web/src/locales/${area}.pl.json`), 'utf8')));

/** The text files an area may have to load (the common ones are there before the first render). */
const textAreas = TEXT_AREAS.filter((area) => area !== 'common' && area !== 'landing');

async function webModulesOf(areaFile: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(areasDir, areaFile)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    jsx: 'automatic',
    format: 'esm',
    outdir: join(root, 'bench/.build/area-texts'),
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((f) => f.startsWith('web/src/') && /\.tsx?$/.test(f));
}

it('every area module has a row in AREA_TEXTS and the other way round', () => {
  const files = readdirSync(areasDir).map((f) => f.replace(/\.ts$/, ''));
  expect(files.sort()).toEqual(Object.keys(AREA_TEXTS).sort());
});

it.each(Object.keys(AREA_TEXTS) as AreaName[])('the %s area loads the text files its code uses', async (name) => {
  const used = new Set<string>();
  for (const file of await webModulesOf(`${name}.ts`)) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const area of textAreas)
      if (prefixesOf(area).some((prefix) => new RegExp(`['"\`]${prefix}\\.`).test(source))) used.add(area);
  }
  const loaded: readonly string[] = AREA_TEXTS[name];
  expect([...used].filter((area) => !loaded.includes(area))).toEqual([]);
});
