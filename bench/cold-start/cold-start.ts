/**
 * Cold start of the `api` Lambda vs a bare Hono + DynamoDB client, both bundled by the very function
 * the CDK stack uses (infra/constructs/bundling.ts `buildSplitBundle`: esbuild with code splitting,
 * `index.mjs` + `chunks/`). For each representative request, each sample is a fresh Node process that
 * imports the bundle and answers that one API Gateway 2.0 event; samples alternate between the two
 * bundles and medians are compared. DynamoDB and Secrets Manager are a local stub, identical for both,
 * so only the code's own cost is compared. One more, unmeasured run per request records which files
 * Node loaded (module hooks), so the table shows the bytes each request read.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Metafile } from 'esbuild';
import { buildSplitBundle, bundleFileName, lambdaEntries } from '../../infra/constructs/bundling';
import { staticClosure } from '../../infra/constructs/merge-static-chunks';
import { seedDemo } from '../../infra/local/demo-seed';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { ensureTable } from '../../infra/local/ensure-table';
import { localDeps } from '../../infra/local/local-deps';
import { startSession } from '../../shared/accounts/start-session';
import { findUserByEmail } from '../../shared/accounts/user-store';
import { sampleQuestionnaire } from '../../shared/editions/sample-edition';
import { createApp } from '../../shared/http/app';
import { sessionCookieName } from '../../shared/http/session-cookie';
import { jsonLogger } from '../../shared/platform/logger';
import { groupFunction } from './group-function';
import type { RecordedCalls } from './same-calls-api';
import { benchRoot, median, printTable, round, writeFigures, type Figure } from '../support';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const TARGETS = { time: 1.5, size: 2 };
const ROOT_SECRET = 'bench-root-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** One request as measure-once.mjs sends it, with the status both bundles must answer. */
interface BenchRequest {
  name: string;
  method: string;
  path: string;
  body?: string;
  cookies?: string[];
  status: number;
}

/** The representative requests (issue 17): what a citizen, a clerk, an expert and an organizer each wait for. */
function representativeRequests(w: BenchWorld): BenchRequest[] {
  return [
    { name: 'GET /api/health', method: 'GET', path: '/api/health', status: 200 },
    {
      name: 'POST /api/auth/login (wrong password)',
      method: 'POST',
      path: '/api/auth/login',
      body: JSON.stringify({ email: w.organizerEmail, password: 'not-the-right-password' }),
      status: 401,
    },
    { name: 'GET /api/public/results (anonymous)', method: 'GET', path: '/api/public/results', status: 200 },
    {
      name: 'GET /api/editions (organizer, signed in)',
      method: 'GET',
      path: '/api/editions',
      cookies: [w.cookies.organizer],
      status: 200,
    },
    {
      name: 'PUT …/sections/:id (institution autosave)',
      method: 'PUT',
      path: `/api/applications/${w.applicationId}/sections/${w.sectionId}`,
      body: JSON.stringify({ answers: {}, version: 0 }),
      cookies: [w.cookies.institution],
      status: 200,
    },
    {
      name: 'GET …/assignments (expert, signed in)',
      method: 'GET',
      path: `/api/expert/editions/${w.expertEditionId}/assignments`,
      cookies: [w.cookies.expert],
      status: 200,
    },
  ];
}

interface Bundle {
  dir: string;
  index: string;
  metafile: Metafile;
}

function bundle(name: string, entry: string): Bundle {
  const dir = join(benchRoot, '.build', name);
  rmSync(dir, { recursive: true, force: true });
  const metafile = buildSplitBundle(entry, dir);
  return { dir, index: join(dir, bundleFileName), metafile };
}

/** Bytes by npm package of what the api loads with its handler (index.mjs and its static chunks). */
function printComposition(api: Bundle, baseline: Bundle): void {
  const byPackage = (b: Bundle) => {
    const out = new Map<string, number>();
    const entry = Object.keys(b.metafile.outputs).find((f) => f.endsWith(`/${bundleFileName}`)) ?? '';
    for (const file of staticClosure(b.metafile.outputs, entry))
      for (const [input, { bytesInOutput }] of Object.entries(b.metafile.outputs[file]?.inputs ?? {})) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? '(our code)';
        out.set(pkg, (out.get(pkg) ?? 0) + bytesInOutput);
      }
    return out;
  };
  const apiBytes = byPackage(api);
  const baseBytes = byPackage(baseline);
  printTable(
    'What the api loads with its handler, before any request (index.mjs + its static chunks; esbuild metafile, top 12 packages)',
    ['package', 'api bytes', 'baseline bytes'],
    [...apiBytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([pkg, bytes]) => [pkg, bytes, baseBytes.get(pkg) ?? 0]),
  );
}

/**
 * A small stand-in for DynamoDB (items kept in memory: Put, TransactWrite, Get, BatchGet; every Query
 * finds nothing; any other call answers `{}`) and for Secrets Manager (GetSecretValue answers the root
 * secret). Both bundles talk to it alike.
 */
interface AwsStub {
  server: Server;
  endpoint: string;
  /** While an array, every call the stub answers is appended to it (target and parsed body). */
  recording: { target: string; input: Record<string, unknown> }[] | null;
}

function awsStub(seed: Record<string, AttributeValue>[]): Promise<AwsStub> {
  const items = new Map<string, unknown>();
  type Key = { pk?: { S?: string }; sk?: { S?: string } };
  interface Input {
    Item?: Key;
    Key?: Key;
    TransactItems?: { Put?: { Item: Key } }[];
    RequestItems?: Record<string, { Keys: Key[] }>;
    SecretId?: string;
  }
  const keyOf = (k: Key) => `${k.pk?.S}\u0000${k.sk?.S}`;
  for (const item of seed) items.set(keyOf(item as Key), item);
  const answer = (target: string, input: Input): unknown => {
    switch (target) {
      case 'DynamoDB_20120810.PutItem':
        if (input.Item) items.set(keyOf(input.Item), input.Item);
        return {};
      case 'DynamoDB_20120810.TransactWriteItems':
        for (const t of input.TransactItems ?? []) if (t.Put) items.set(keyOf(t.Put.Item), t.Put.Item);
        return {};
      case 'DynamoDB_20120810.GetItem': {
        const item = input.Key && items.get(keyOf(input.Key));
        return item ? { Item: item } : {};
      }
      case 'DynamoDB_20120810.BatchGetItem': {
        const Responses: Record<string, unknown[]> = {};
        for (const [table, { Keys }] of Object.entries(input.RequestItems ?? {}))
          Responses[table] = Keys.map((k) => items.get(keyOf(k))).filter((i) => i !== undefined);
        return { Responses, UnprocessedKeys: {} };
      }
      case 'DynamoDB_20120810.Query':
        return { Items: [], Count: 0, ScannedCount: 0 };
      case 'secretsmanager.GetSecretValue':
        return { ARN: input.SecretId, Name: 'bench', SecretString: ROOT_SECRET, VersionId: 'bench' };
      default:
        return {};
    }
  };
  return new Promise((resolve) => {
    const stub: AwsStub = { server: createServer(), endpoint: '', recording: null };
    stub.server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Input) : {};
        stub.recording?.push({ target, input: body as Record<string, unknown> });
        const json = target.startsWith('secretsmanager.') ? '1.1' : '1.0';
        res.writeHead(200, { 'content-type': `application/x-amz-json-${json}`, 'x-amzn-requestid': 'stub' });
        res.end(JSON.stringify(answer(target, body)));
      });
    });
    stub.server.listen(0, '127.0.0.1', () => {
      const address = stub.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      stub.endpoint = `http://127.0.0.1:${port}`;
      resolve(stub);
    });
  });
}

interface BenchWorld {
  /** Every item of the table, as DynamoDB returns them (attribute values), for the stub. */
  items: Record<string, AttributeValue>[];
  organizerEmail: string;
  /** The organizer's stored scrypt hash, which the baseline's login verifies too. */
  passwordHash: string;
  cookies: Record<'organizer' | 'institution' | 'expert', string>;
  applicationId: string;
  sectionId: string;
  expertEditionId: string;
}

/**
 * The demo data `npm start` shows, made by the app's own code in DynamoDB Local, plus what the
 * signed-in requests need: a session per demo account, a draft application of the demo office in
 * the open edition, and the edition in which the demo expert has assignments. Then every item is
 * read out (Scan) for the stub, and DynamoDB Local stops.
 */
async function benchWorld(): Promise<BenchWorld> {
  const db = await startDynamoDbLocal({});
  const blobDir = mkdtempSync(join(tmpdir(), 'bench-cold-start-'));
  try {
    const deps = localDeps({ endpoint: db.endpoint, tableName: 'bench-table', blobDir, logger: jsonLogger('error') });
    await ensureTable(deps.dynamo, 'bench-table');
    const accounts = await seedDemo(deps);
    const userOf = async (role: string) => {
      const user = await findUserByEmail(deps.store, accounts.find((a) => a.role === role)?.email ?? '');
      if (!user) throw new Error(`the demo has no ${role}`);
      const { token } = await startSession(deps, { userId: user.userId, ip: '127.0.0.1', userAgent: 'bench' });
      return { user, token, cookie: `${sessionCookieName({ secureCookies: true })}=${token}` };
    };
    const [organizer, institution, expert] = [
      await userOf('organizer'),
      await userOf('institution'),
      await userOf('expert'),
    ];
    const app = createApp(deps);
    const call = async (who: { token: string }, method: string, path: string, body?: unknown) => {
      const res = await app.request(path, {
        method,
        headers: {
          cookie: `${sessionCookieName({ secureCookies: false })}=${who.token}`,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const editions = (await call(organizer, 'GET', '/api/editions')).items as { editionId: string; state: string }[];
    const open = editions.find((e) => e.state === 'open');
    if (!open) throw new Error('the demo has no open edition');
    const started = await call(institution, 'POST', `/api/editions/${open.editionId}/applications`, {});
    const chapters = (await call(expert, 'GET', '/api/expert/editions')).items as { editionId: string }[];
    let expertEditionId = '';
    for (const { editionId } of chapters) {
      const mine = await call(expert, 'GET', `/api/expert/editions/${editionId}/assignments`);
      if ((mine.items as unknown[]).length > 0) expertEditionId = editionId;
    }
    if (!expertEditionId) throw new Error('the demo expert has no assignments');
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await deps.dynamo.send(new ScanCommand({ TableName: 'bench-table', ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return {
      items,
      organizerEmail: organizer.user.email,
      passwordHash: String(organizer.user.passwordHash),
      cookies: { organizer: organizer.cookie, institution: institution.cookie, expert: expert.cookie },
      applicationId: String(started.applicationId),
      sectionId: sampleQuestionnaire().sections[0]!.id,
      expertEditionId,
    };
  } finally {
    await db.stop();
    rmSync(blobDir, { recursive: true, force: true });
  }
}

interface Sample {
  importMs: number;
  firstRequestMs: number;
  totalMs: number;
  /** CPU time of the process over import + first request (threads included): explains noise, not the budget. */
  cpuMs: number;
}

const measureOnce = join(benchRoot, 'cold-start', 'measure-once.mjs');

/** With BENCH_COLD_START_PROFILE=<dir>, every sample also writes a V8 CPU profile there (to see where the time goes). */
const profileFlags = () => {
  const dir = process.env.BENCH_COLD_START_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'] : [];
};

function run(bundlePath: string, request: BenchRequest, env: NodeJS.ProcessEnv): Promise<string> {
  // Asynchronous, so the stub server in this process keeps answering.
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...profileFlags(), measureOnce, bundlePath, JSON.stringify(request)],
      { env },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`cold-start sample failed for ${bundlePath}: ${stderr || error.message}`));
        resolve(stdout);
      },
    );
  });
}

async function sampleOnce(b: Pick<Bundle, 'index'>, request: BenchRequest, env: NodeJS.ProcessEnv): Promise<Sample> {
  const line = (await run(b.index, request, env)).trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Sample;
}

/**
 * Writes what the stub recorded during the api's run of one request (its DynamoDB calls, in order, and
 * the status same-calls-api.ts must answer) to a file; returns its path. Other services' calls (Secrets
 * Manager) are not DynamoDB's and are left out.
 */
function recordCalls(dir: string, request: BenchRequest, recording: NonNullable<AwsStub['recording']>): string {
  const file = join(dir, `${request.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const recorded: RecordedCalls = {
    status: request.status,
    calls: recording
      .filter((r) => r.target.startsWith('DynamoDB_20120810.'))
      .map((r) => ({ operation: r.target.replace('DynamoDB_20120810.', ''), input: r.input })),
  };
  writeFileSync(file, JSON.stringify(recorded));
  return file;
}

/** The bundle's files one request loaded (an unmeasured run with module hooks), and their bytes. */
async function loadedBy(
  b: Bundle,
  request: BenchRequest,
  env: NodeJS.ProcessEnv,
): Promise<{ files: number; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-loads-'));
  const log = join(dir, 'loads.txt');
  try {
    await run(b.index, request, { ...env, BENCH_LOADS_FILE: log });
    const files = new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((u) => u.startsWith('file:'))
        .map((u) => fileURLToPath(u))
        .filter((p) => !relative(b.dir, p).startsWith('..')),
    );
    if (process.env.BENCH_COLD_START_LOADS)
      console.log(
        `${request.name} loads:\n${[...files].map((p) => `  ${statSync(p).size}\t${relative(b.dir, p)}`).join('\n')}`,
      );
    return { files: files.size, bytes: [...files].reduce((sum, p) => sum + statSync(p).size, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * BENCH_COLD_START_TIMELINE=1: one more unmeasured run per bundle and request, printing when the import
 * ended and each DynamoDB call was sent and answered (measure-once.mjs; docs/performance.md uses it to
 * show where a signed-in request's time goes). One run each, so read it as a shape, not a figure.
 */
async function printTimelines(
  request: BenchRequest,
  bundles: [string, Pick<Bundle, 'index'>][],
  env: NodeJS.ProcessEnv,
) {
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-timeline-'));
  try {
    const lines: string[] = [];
    for (const [name, b] of bundles) {
      const file = join(dir, `${name}.json`);
      await run(b.index, request, { ...env, BENCH_TIMELINE_FILE: file });
      const marks = JSON.parse(readFileSync(file, 'utf8')) as [number, string][];
      lines.push(`  ${name}: ${marks.map(([ms, what]) => `${ms} ${what}`).join(' · ')}`);
    }
    console.log(`${request.name} timeline (ms from the start of import):\n${lines.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function coldStartBenchmark(): Promise<Figure[]> {
  const api = bundle('api', lambdaEntries.api);
  const baseline = bundle('bare-api', join(benchRoot, 'cold-start', 'bare-api.ts'));
  const sameCalls = bundle('same-calls-api', join(benchRoot, 'cold-start', 'same-calls-api.ts'));
  const world = await benchWorld();
  // BENCH_COLD_START_VARIANT=<dir with index.mjs>: a second api build, sampled between the same runs (A/B of a change);
  // =groups: each request's route group as a function of its own (group-function.ts, option (d) of docs/performance.md).
  const variantDir = process.env.BENCH_COLD_START_VARIANT;
  const variantFor = (request: BenchRequest) =>
    variantDir === 'groups'
      ? groupFunction(request.path)
      : variantDir
        ? { index: join(variantDir, bundleFileName), group: undefined }
        : undefined;
  const stub = await awsStub(world.items);
  const { server, endpoint } = stub;
  const callsDir = mkdtempSync(join(tmpdir(), 'cold-start-calls-'));
  const figures: Figure[] = [];
  const rows: (string | number)[][] = [];
  const details: (string | number)[][] = [];
  const callRows: (string | number)[][] = [];
  try {
    const passwordHash = world.passwordHash;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      TABLE_NAME: 'bench-table',
      DOCUMENTS_BUCKET: 'bench-docs',
      CERTIFICATES_BUCKET: 'bench-certs',
      JOBS_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/bench',
      MAIL_FROM: 'bench@example.org',
      APP_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:bench',
      LOG_LEVEL: 'error',
      // CloudFront adds the origin secret to every api request (issue 19); the bench's events carry it.
      ORIGIN_SECRET: 'bench-origin-secret',
      BENCH_PASSWORD_HASH: passwordHash,
    };
    const only = process.env.BENCH_COLD_START_ONLY; // e.g. "editions": just the requests whose name has it
    for (const request of representativeRequests(world).filter((r) => !only || r.name.includes(only))) {
      const variant = variantFor(request);
      stub.recording = [];
      const apiLoads = await loadedBy(api, request, env); // also warms the OS file cache, unmeasured
      const sameCallsEnv = { ...env, BENCH_SAME_CALLS_FILE: recordCalls(callsDir, request, stub.recording) };
      stub.recording = null;
      const baseLoads = await loadedBy(baseline, request, env);
      if (process.env.BENCH_COLD_START_TIMELINE)
        await printTimelines(
          request,
          [
            ['api', api],
            ['baseline', baseline],
          ],
          env,
        );
      const samples = {
        api: [] as Sample[],
        baseline: [] as Sample[],
        sameCalls: [] as Sample[],
        variant: [] as Sample[],
      };
      for (let i = 0; i < SAMPLES; i++) {
        // Interleaved, so machine noise hits all alike.
        samples.api.push(await sampleOnce(api, request, env));
        samples.baseline.push(await sampleOnce(baseline, request, env));
        samples.sameCalls.push(await sampleOnce(sameCalls, request, sameCallsEnv));
        if (variant) samples.variant.push(await sampleOnce(variant, request, env));
      }
      const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
      if (variant) {
        const b = med(samples.baseline, 'totalMs');
        console.log(
          `${request.name}: api ${round(med(samples.api, 'totalMs') / b, 3)}×, variant${variant.group ? ` (the ${variant.group} group's own function)` : ''} ${round(med(samples.variant, 'totalMs') / b, 3)}× (CPU ${round(med(samples.api, 'cpuMs'))} vs ${round(med(samples.variant, 'cpuMs'))} ms)`,
        );
      }
      const time = figure(
        `${request.name}: import + first request (median)`,
        med(samples.api, 'totalMs'),
        med(samples.baseline, 'totalMs'),
        'ms',
        TARGETS.time,
      );
      const size = figure(`${request.name}: code loaded`, apiLoads.bytes, baseLoads.bytes, 'bytes', TARGETS.size);
      figures.push(time, size);
      rows.push([
        request.name,
        request.status,
        `${time.value} ms`,
        `${time.baseline} ms`,
        `${time.ratio}× ${mark(time)}`,
        `${kb(apiLoads.bytes)} (${apiLoads.files} files)`,
        `${kb(baseLoads.bytes)} (${baseLoads.files} files)`,
        `${size.ratio}× ${mark(size)}`,
      ]);
      details.push([
        request.name,
        `${round(med(samples.api, 'importMs'))} / ${round(med(samples.baseline, 'importMs'))}`,
        `${round(med(samples.api, 'firstRequestMs'))} / ${round(med(samples.baseline, 'firstRequestMs'))}`,
        `${round(med(samples.api, 'cpuMs'))} / ${round(med(samples.baseline, 'cpuMs'))} (${round(med(samples.api, 'cpuMs') / med(samples.baseline, 'cpuMs'), 3)}×)`,
      ]);
      const sameCallsMs = med(samples.sameCalls, 'totalMs');
      const replayed = (JSON.parse(readFileSync(sameCallsEnv.BENCH_SAME_CALLS_FILE, 'utf8')) as RecordedCalls).calls;
      callRows.push([
        request.name,
        replayed.map((c) => c.operation).join(', '),
        `${round(sameCallsMs)} ms`,
        `${round(sameCallsMs / time.baseline, 3)}×`,
        `${round(time.value / sameCallsMs, 3)}×`,
      ]);
    }
  } finally {
    server.close();
    rmSync(callsDir, { recursive: true, force: true });
  }
  const total = (b: Bundle) =>
    Object.entries(b.metafile.outputs)
      .filter(([f]) => f.endsWith('.mjs'))
      .reduce((sum, [, o]) => sum + o.bytes, 0);
  figures.push(figure('deployed code (all .mjs files)', total(api), total(baseline), 'bytes'));

  printTable(
    `Cold start per request: api vs bare Hono + DynamoDB client (${SAMPLES} fresh Node ${process.version} processes each, medians; targets: time ≤ ${TARGETS.time}×, code loaded ≤ ${TARGETS.size}×)`,
    ['request', 'status', 'api', 'baseline', 'ratio', 'api code loaded', 'baseline code loaded', 'ratio'],
    rows,
  );
  printTable(
    "The same samples split (median ms, api / baseline; CPU = the process's user + system time over both)",
    ['request', 'import', 'first request', 'CPU'],
    details,
  );
  printTable(
    "For reference, not a target: the bare function making the api's own DynamoDB calls (same-calls-api.ts: recorded from the api's run, replayed in order with the plain client), sampled between the same runs",
    ['request', "the api's DynamoDB calls", 'bare, same calls', 'to baseline', 'api to it'],
    callRows,
  );
  console.log(
    `\nDeployed code (index.mjs + chunks, no maps): api ${kb(total(api))}, baseline ${kb(total(baseline))}; the api has ${Object.keys(api.metafile.outputs).filter((f) => f.endsWith('.mjs')).length} files.`,
  );
  printComposition(api, baseline);
  writeFigures('cold-start', figures);
  return figures;
}

function figure(name: string, value: number, base: number, unit: string, target?: number): Figure {
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
}

const mark = (f: Figure) => (f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED');
const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
