/**
 * Cold start of the `api` Lambda bundle vs a bare Hono + DynamoDB client bundle, both built with the
 * esbuild options CDK uses (infra/constructs/bundling.ts). Each sample is a fresh Node process that
 * imports the bundle and answers one /api/health event; DynamoDB is a local stub answering GetItem,
 * identical for both, so only the code's own cost is compared.
 */
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleFileName, esbuildOptions, lambdaEntries, repoRoot } from '../../infra/constructs/bundling';
import { benchRoot, median, printTable, round, writeFigures, type Figure } from '../support';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const TARGETS = { time: 1.5, size: 2 };

interface Bundle {
  path: string;
  bytesByPackage: Map<string, number>;
}

async function bundle(name: string, entry: string): Promise<Bundle> {
  const outfile = join(benchRoot, '.build', name, bundleFileName);
  const result = await build({
    ...esbuildOptions,
    entryPoints: [entry],
    outfile,
    absWorkingDir: repoRoot,
    logLevel: 'error',
    metafile: true,
  });
  // Where the bytes come from: each input's share of the output, grouped by npm package.
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(bundleFileName))?.[1];
  const bytesByPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(our code)';
    bytesByPackage.set(pkg, (bytesByPackage.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return { path: outfile, bytesByPackage };
}

function printComposition(api: Bundle, baseline: Bundle): void {
  const rows = [...api.bytesByPackage].sort((a, b) => b[1] - a[1]).slice(0, 12);
  printTable(
    "Where the api bundle's bytes come from (esbuild metafile, top 12 packages)",
    ['package', 'api bytes', 'baseline bytes'],
    rows.map(([pkg, bytes]) => [pkg, bytes, baseline.bytesByPackage.get(pkg) ?? 0]),
  );
}

/** Answers every DynamoDB JSON-protocol call with an empty object: GetItem finds nothing, which is fine for health. */
function dynamoStub(): Promise<{ server: Server; endpoint: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'stub' });
        res.end('{}');
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, endpoint: `http://127.0.0.1:${port}` });
    });
  });
}

interface Sample {
  importMs: number;
  firstRequestMs: number;
  totalMs: number;
}

function sampleOnce(bundlePath: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    // spawnSync would block the stub server in this process; run the child asynchronously.
    import('node:child_process').then(({ execFile }) => {
      execFile(
        process.execPath,
        [join(benchRoot, 'cold-start', 'measure-once.mjs'), bundlePath],
        { env },
        (error, stdout, stderr) => {
          if (error) return reject(new Error(`cold-start sample failed for ${bundlePath}: ${stderr || error.message}`));
          const line = stdout.trim().split('\n').pop() ?? '';
          resolve(JSON.parse(line) as Sample);
        },
      );
    }, reject);
  });
}

export async function coldStartBenchmark(): Promise<Figure[]> {
  const [apiBundle, baselineBundle] = await Promise.all([
    bundle('api', lambdaEntries.api),
    bundle('bare-api', join(benchRoot, 'cold-start', 'bare-api.ts')),
  ]);
  const api = apiBundle.path;
  const baseline = baselineBundle.path;
  const { server, endpoint } = await dynamoStub();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    TABLE_NAME: 'bench-table',
    DOCUMENTS_BUCKET: 'bench-docs',
    CERTIFICATES_BUCKET: 'bench-certs',
    JOBS_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/bench',
    MAIL_FROM: 'bench@example.org',
    APP_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:bench',
    LOG_LEVEL: 'error',
  };
  const samples: { api: Sample[]; baseline: Sample[] } = { api: [], baseline: [] };
  try {
    await sampleOnce(api, env); // warm the OS file cache for both, unmeasured
    await sampleOnce(baseline, env);
    for (let i = 0; i < SAMPLES; i++) {
      // Interleaved, so machine noise hits both alike.
      samples.api.push(await sampleOnce(api, env));
      samples.baseline.push(await sampleOnce(baseline, env));
    }
  } finally {
    server.close();
  }

  const size = (p: string) => statSync(p).size;
  const gz = (p: string) => gzipSync(readFileSync(p)).length;
  const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
  const figure = (name: string, value: number, base: number, unit: string, target?: number): Figure => {
    const ratio = round(value / base, 3);
    return {
      benchmark: 'cold-start',
      name,
      value: round(value),
      unit,
      baseline: round(base),
      ratio,
      ...(target ? { target, ok: ratio <= target } : {}),
    };
  };
  const figures = [
    figure('bundle size', size(api), size(baseline), 'bytes', TARGETS.size),
    figure('bundle size (gzip)', gz(api), gz(baseline), 'bytes'),
    figure('import (median)', med(samples.api, 'importMs'), med(samples.baseline, 'importMs'), 'ms'),
    figure('first request (median)', med(samples.api, 'firstRequestMs'), med(samples.baseline, 'firstRequestMs'), 'ms'),
    figure(
      'import + first request (median)',
      med(samples.api, 'totalMs'),
      med(samples.baseline, 'totalMs'),
      'ms',
      TARGETS.time,
    ),
  ];
  printTable(
    `Cold start: api bundle vs bare Hono + DynamoDB client (${SAMPLES} fresh Node ${process.version} processes each, medians)`,
    ['figure', 'api', 'baseline', 'ratio', 'target', 'ok'],
    figures.map((f) => [
      f.name,
      `${f.value} ${f.unit}`,
      `${f.baseline} ${f.unit}`,
      `${f.ratio}×`,
      f.target ? `≤ ${f.target}×` : '',
      f.ok === undefined ? '' : f.ok ? 'yes' : 'NO',
    ]),
  );
  printComposition(apiBundle, baselineBundle);
  writeFigures('cold-start', figures);
  return figures;
}
