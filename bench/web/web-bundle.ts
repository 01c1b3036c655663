/**
 * What an anonymous visitor's first page costs in JavaScript (issue 17): the real SPA and a bare React +
 * ReactDOM app (bench/web/bare/, one <h1>) built in the same run with the same Vite settings
 * (web/vite.config.ts), each into a temporary folder; Vite's manifest says which files a page loads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { AREA_TEXTS, type AreaName } from '../../web/src/area-texts';
import { benchRoot, printTable, round, writeFigures, type Figure } from '../support';

/** Issue 17's acceptance: ≤ 100 KB gzipped (KB = 1,000 bytes, the stricter reading) and ≤ 1.6× the bare app. */
const TARGETS = { bytes: 100_000, ratio: 1.6 };

/**
 * The pages a first visit opens, with the area chunk each belongs to (web/src/App.tsx's table; the
 * benchmark fails if an area is missing from the build). Texts are counted in Polish, the default.
 */
const ROUTES: readonly { path: string; area: AreaName }[] = [
  { path: '/', area: 'start' },
  { path: '/login', area: 'public' },
  { path: '/weryfikacja', area: 'verification' },
];
const LANGUAGE = 'pl';
const repoRoot = join(benchRoot, '..');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

async function buildInto(root: string | undefined, outDir: string): Promise<Manifest> {
  await build({
    configFile: join(repoRoot, 'web', 'vite.config.ts'),
    ...(root ? { root } : {}),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** A manifest key and every chunk it imports statically, transitively: what the browser fetches for it. */
function closure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

function gzipBytes(outDir: string, manifest: Manifest, keys: Iterable<string>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const key of keys) {
    const file = manifest[key]?.file ?? '';
    if (file.endsWith('.js')) sizes.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length);
  }
  return sizes;
}

/**
 * Scripts index.html loads that are not in the manifest's chunk graph: the first-page preload script
 * (web/build/first-page-preload.ts) runs on every first visit, so it is counted on every page.
 */
function documentScripts(outDir: string, manifest: Manifest): Map<string, number> {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const inManifest = new Set(Object.values(manifest).map((chunk) => chunk.file));
  const sizes = new Map<string, number>();
  for (const [, src = ''] of html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g))
    if (!inManifest.has(src)) sizes.set(src, gzipSync(readFileSync(join(outDir, src)), { level: 9 }).length);
  return sizes;
}

const entryOf = (manifest: Manifest) => {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!key) throw new Error('no entry in the manifest');
  return key;
};

const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);
const kb = (bytes: number) => `${round(bytes / 1000, 1)} KB`;

export async function webBundleBenchmark(): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'bench-web-'));
  try {
    const appDir = join(work, 'app');
    const bareDir = join(work, 'bare');
    const app = await buildInto(undefined, appDir);
    const bare = await buildInto(join(benchRoot, 'web', 'bare'), bareDir);

    const baseline = sum(gzipBytes(bareDir, bare, closure(bare, [entryOf(bare)])));
    const figures: Figure[] = [];
    const rows: string[][] = [];
    const loadedBy = new Map<string, { bytes: number; routes: string[] }>();
    for (const { path, area } of ROUTES) {
      // The entry (and what it imports), the page's area chunk, and the texts loaded before the first
      // render (common, landing) and with the area — all in parallel after the entry (web/src/main.tsx).
      const texts = ['common', 'landing', ...AREA_TEXTS[area]].map((t) =>
        t === 'common' ? `src/locales/${LANGUAGE}.json` : `src/locales/${t}.${LANGUAGE}.json`,
      );
      const keys = closure(app, [entryOf(app), `src/areas/${area}.ts`, ...texts]);
      const sizes = new Map([...documentScripts(appDir, app), ...gzipBytes(appDir, app, keys)]);
      for (const [file, bytes] of sizes) {
        const row = loadedBy.get(file) ?? { bytes, routes: [] };
        row.routes.push(path);
        loadedBy.set(file, row);
      }
      const bytes = sum(sizes);
      const ratio = round(bytes / baseline, 3);
      const ok = bytes <= TARGETS.bytes && ratio <= TARGETS.ratio;
      figures.push(
        {
          benchmark: 'web',
          name: `${path} first-load JS (gzip) vs bare React`,
          value: bytes,
          unit: 'bytes',
          baseline,
          ratio,
          target: TARGETS.ratio,
          ok: ratio <= TARGETS.ratio,
        },
        {
          benchmark: 'web',
          name: `${path} first-load JS (gzip) vs 100 KB`,
          value: bytes,
          unit: 'bytes',
          baseline: TARGETS.bytes,
          ratio: round(bytes / TARGETS.bytes, 3),
          target: 1,
          ok: bytes <= TARGETS.bytes,
        },
      );
      rows.push([
        path,
        String(sizes.size),
        kb(bytes),
        kb(baseline),
        `${ratio}×`,
        `≤ ${kb(TARGETS.bytes)}, ≤ ${TARGETS.ratio}×`,
        ok ? 'yes' : 'NO',
      ]);
    }
    const everything = sum(gzipBytes(appDir, app, Object.keys(app)));
    printTable(
      `Web: JavaScript of an anonymous first visit, gzip -9 (Vite manifest; texts in Polish; the whole app is ${kb(everything)})`,
      ['page', 'files', 'app', 'bare React', 'ratio', 'target', 'ok'],
      rows,
    );
    printTable(
      'What those first visits load (gzip -9)',
      ['file', 'gzip', 'loaded by'],
      [...loadedBy]
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .map(([file, { bytes, routes }]) => [file.replace(/-[\w-]{8}\.js$/, '.js'), kb(bytes), routes.join(' ')]),
    );
    writeFigures('web', figures);
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
