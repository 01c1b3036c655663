import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { mergeStaticChunks } from './merge-static-chunks';

/**
 * How the Lambda bundles are built, defined once. The CDK stack (NodejsFunction) and bench/ (which
 * calls esbuild directly to measure the bundle "exactly as CDK does") both read these values.
 */

/** Repository root: the NodejsFunction projectRoot, the esbuild working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const depsLockFilePath = join(repoRoot, 'package-lock.json');

/** Lambda entry points, by function name. */
export const lambdaEntries = {
  api: join(repoRoot, 'functions/api.ts'),
  'jobs-worker': join(repoRoot, 'functions/jobs-worker.ts'),
  'survey-counter': join(repoRoot, 'functions/survey-counter.ts'),
} as const;

export type LambdaName = keyof typeof lambdaEntries;

/** Some bundled dependencies are CommonJS and call `require`; an ESM bundle has none, so make one. */
export const esmRequireBanner =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** File name CDK gives an ESM bundle; the handler string is `index.handler`. */
export const bundleFileName = 'index.mjs';

/**
 * Plain esbuild options equal to the command line NodejsFunction runs (`esbuild --bundle <entry>
 * --target=node22 --platform=node --format=esm --outfile=<dir>/index.mjs --minify --sourcemap
 * --main-fields=module,main --banner:js=…`). Add `entryPoints` and `outfile` to use it.
 * Nothing is external: the pinned AWS SDK v3 from package-lock.json is bundled rather than the
 * runtime's own copy, so production runs the version the tests ran.
 */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  banner: { js: esmRequireBanner },
  external: [],
} as const satisfies BuildOptions;

/**
 * Functions bundled with esbuild code splitting instead of NodejsFunction's one file: `index.mjs` (the
 * handler) plus `chunks/*.mjs`, which esbuild makes for every `import()` in the code and for code shared
 * between them. A request reads only the chunks it imports: the api's AWS adapters other than DynamoDB
 * are such chunks (functions/cloud-deps.ts). NodejsFunction cannot split (it passes `--outfile`), so
 * the CDK stack builds these itself with {@link buildSplitBundle} and deploys the folder.
 */
export const splitFunctions: ReadonlySet<LambdaName> = new Set<LambdaName>(['api']);

/** {@link esbuildOptions} with code splitting; add `entryPoints` and `outdir` to use it. */
export const splitEsbuildOptions = {
  ...esbuildOptions,
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
} as const satisfies BuildOptions;

/**
 * Bundles one function with code splitting into `outdir` (`index.mjs` + `chunks/`), synchronously as
 * CDK's local bundling wants it. The CDK stack and bench/cold-start both call this, so the benchmark
 * measures exactly what is deployed. Returns esbuild's metafile (which output holds which input).
 */
export function buildSplitBundle(entry: string, outdir: string): Metafile {
  const result = buildSync({
    ...splitEsbuildOptions,
    entryPoints: { index: entry },
    outdir,
    absWorkingDir: repoRoot,
    logLevel: 'error',
    metafile: true,
  });
  dropUnusedRequireBanner(outdir);
  return mergeStaticChunks(outdir, result.metafile, esbuildOptions);
}

/**
 * esbuild writes the banner (a module-scoped `require` for bundled CommonJS) into every output file, yet
 * only the few chunks holding CommonJS code use it. In the others it is 88 bytes and a `module` import
 * that every loaded chunk pays for (issue 17: a request loads 30–50 files). The line is emptied, not
 * removed, so the source maps' line numbers still hold.
 */
function dropUnusedRequireBanner(outdir: string): void {
  const files = readdirSync(outdir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
  for (const file of files) {
    const path = join(outdir, file);
    const code = readFileSync(path, 'utf8');
    if (!code.startsWith(`${esmRequireBanner}\n`)) continue;
    const rest = code.slice(esmRequireBanner.length);
    if (!/\brequire\b/.test(rest)) writeFileSync(path, rest);
  }
}

/** The same values in the shape NodejsFunction takes. Never bundles in Docker. */
export const nodejsBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: esbuildOptions.target,
  sourceMap: esbuildOptions.sourcemap,
  minify: esbuildOptions.minify,
  mainFields: [...esbuildOptions.mainFields],
  banner: esbuildOptions.banner.js,
  externalModules: [...esbuildOptions.external],
  forceDockerBundling: false,
};

/** Files a function reads at run time besides its bundle: the worker's certificate fonts (shared/certificates/pdf-fonts.ts). */
export const bundledFiles: Partial<Record<LambdaName, { from: string; to: string }[]>> = {
  'jobs-worker': [
    { from: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf', to: 'fonts/DejaVuSerif.ttf' },
    { from: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf', to: 'fonts/DejaVuSerif-Bold.ttf' },
  ],
  // The same fonts for the api's survey posters (issue 18 §1), read only by the poster's lazy chunk.
  api: [
    { from: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf', to: 'fonts/DejaVuSerif.ttf' },
    { from: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf', to: 'fonts/DejaVuSerif-Bold.ttf' },
  ],
};

/** Copies a split function's run-time files (above) into its bundle folder, beside index.mjs. */
export function copyBundledFiles(name: LambdaName, outdir: string): void {
  for (const f of bundledFiles[name] ?? []) {
    mkdirSync(dirname(join(outdir, f.to)), { recursive: true });
    copyFileSync(join(repoRoot, f.from), join(outdir, f.to));
  }
}

/** The bundling of one function: the shared options, plus copying its run-time files beside index.mjs. */
export function bundlingFor(name: LambdaName): BundlingOptions {
  const files = bundledFiles[name] ?? [];
  if (files.length === 0) return nodejsBundling;
  return {
    ...nodejsBundling,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) =>
        files.flatMap((f) => [
          `mkdir -p "${join(outputDir, f.to, '..')}"`,
          `cp "${join(inputDir, f.from)}" "${join(outputDir, f.to)}"`,
        ]),
    },
  };
}
