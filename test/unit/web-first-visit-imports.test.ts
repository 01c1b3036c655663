import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { expect, it } from 'vitest';

// Issue 17: an anonymous first visit (`/`, `/login`, `/weryfikacja`) stays within 100 KB of gzipped
// JavaScript only while the entry and the public areas' chunks keep heavy libraries out. The web benchmark
// (bench/web/web-bundle.ts) measures the bytes; this cheap guard names the culprit: it follows the static
// imports (not `import()`, which is a later chunk) from web/src/main.tsx and from the public areas' modules
// and fails when one reaches a library that belongs to the signed-in areas only. TanStack Query is one of
// them: the session and the public pages read with plain calls (web/src/fetching.ts), and the signed-in
// areas' chunks mount its provider (web/src/queries/shared-client.tsx).

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Libraries no first visit may load: i18next (web/src/translation.ts replaces it), forms, schemas, the query cache. */
const FORBIDDEN = [
  /^i18next/,
  /^react-i18next/,
  /^react-hook-form/,
  /^@hookform\//,
  /^zod/,
  /^@tanstack\/react-query/,
  /^@tanstack\/query-core/,
];

/**
 * Public areas held only to "no query cache": registration checks with the server's zod schema, and the
 * laureates' pages reach zod/mini through shared code (shared/results/outcome.ts ← shared/institutions).
 */
const PUBLIC_WITH_SCHEMA = ['web/src/areas/register.ts', 'web/src/areas/laureates.ts'];
const QUERY_CACHE = [/^@tanstack\/react-query/, /^@tanstack\/query-core/];

/** What a first visit loads: the entry, and the area chunk of each public page. */
const FIRST_VISIT = [
  'web/src/main.tsx',
  'web/src/areas/start.ts',
  'web/src/areas/public.ts',
  'web/src/areas/verification.ts',
];

async function metafileOf(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    jsx: 'automatic',
    format: 'esm',
    loader: { '.css': 'empty' },
    outdir: join(root, 'bench/.build/first-visit'),
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every package a module reaches through static imports, with the chain of modules that leads there. */
function staticPackages(meta: Metafile, entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of meta.inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) {
        if (!found.has(imported.path)) found.set(imported.path, [...chain, file]);
      } else visit(imported.path, [...chain, file]);
    }
  };
  visit(entry, []);
  return found;
}

it.each(FIRST_VISIT)('%s reaches no signed-in-only library through static imports', async (entry) => {
  const packages = staticPackages(await metafileOf(entry), entry);
  expect(packages.size).toBeGreaterThan(0); // the walk saw the graph (react at least)
  const offending = [...packages]
    .filter(([name]) => FORBIDDEN.some((re) => re.test(name)))
    .map(([name, chain]) => `${name} ← ${chain.toReversed().join(' ← ')}`);
  expect(offending).toEqual([]);
});

it.each(PUBLIC_WITH_SCHEMA)('%s (a public page) reaches no query cache through static imports', async (entry) => {
  const packages = staticPackages(await metafileOf(entry), entry);
  expect(packages.size).toBeGreaterThan(0);
  const offending = [...packages]
    .filter(([name]) => QUERY_CACHE.some((re) => re.test(name)))
    .map(([name, chain]) => `${name} ← ${chain.toReversed().join(' ← ')}`);
  expect(offending).toEqual([]);
});

it('the guard sees the query cache where a signed-in area mounts it', async () => {
  const packages = staticPackages(await metafileOf('web/src/areas/account.ts'), 'web/src/areas/account.ts');
  expect([...packages.keys()]).toContain('@tanstack/react-query');
});

it('the guard sees a forbidden library where one is imported (the signed-in forms)', async () => {
  const packages = staticPackages(await metafileOf('web/src/forms/form.tsx'), 'web/src/forms/form.tsx');
  expect([...packages.keys()]).toContain('react-hook-form');
});
