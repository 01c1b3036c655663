// Runs in a fresh Node process: import one bundled handler and answer one API Gateway 2.0 event.
// Usage: node measure-once.mjs <bundle index.mjs> '<request JSON>' — the request is
// { method, path, body?, cookies?, status } (cold-start.ts `requests`). Prints one JSON line with the
// timings; exits non-zero if the answer's status is not the expected one. With BENCH_LOADS_FILE set,
// records the files Node loads (record-loads.mjs) — only in unmeasured runs, as hooks slow loading.
// With BENCH_TIMELINE_FILE set (also unmeasured runs), writes when the import ended, when each DynamoDB call
// was sent and answered (Node's http diagnostics channels) and when the answer was ready, in ms from the start.
import dc from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, requestJson] = process.argv.slice(2);
const request = JSON.parse(requestJson);
if (process.env.BENCH_LOADS_FILE) register('./record-loads.mjs', import.meta.url);

const host = 'bench.execute-api.eu-central-1.amazonaws.com';
const event = {
  version: '2.0',
  routeKey: 'ANY /api/{proxy+}',
  rawPath: request.path,
  rawQueryString: '',
  cookies: request.cookies,
  headers: {
    host,
    'x-forwarded-proto': 'https',
    'user-agent': 'bench',
    'x-origin-verify': 'bench-origin-secret', // as CloudFront sends it (ORIGIN_SECRET in cold-start.ts)
    ...(request.body === undefined
      ? {}
      : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) }),
  },
  requestContext: {
    accountId: '123456789012',
    apiId: 'bench',
    domainName: host,
    domainPrefix: 'bench',
    http: {
      method: request.method,
      path: request.path,
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'bench',
    },
    requestId: 'bench-1',
    routeKey: 'ANY /api/{proxy+}',
    stage: '$default',
    time: '01/Mar/2026:10:00:00 +0000',
    timeEpoch: 1772359200000,
  },
  body: request.body,
  isBase64Encoded: false,
};
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };

const timeline = [];
const mark = (what) => timeline.push([Math.round((performance.now() - t0) * 10) / 10, what]);
if (process.env.BENCH_TIMELINE_FILE) {
  const call = (request) => String(request.getHeader('x-amz-target') ?? '').replace(/^.*\./, '');
  dc.subscribe('http.client.request.start', ({ request }) => mark(`${call(request)} sent`));
  dc.subscribe('http.client.response.finish', ({ request }) => mark(`${call(request)} answered`));
}

const c0 = process.cpuUsage();
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
mark('imported');
const res = await mod.handler(event, context);
const t2 = performance.now();
mark('answer ready');
if (process.env.BENCH_TIMELINE_FILE) writeFileSync(process.env.BENCH_TIMELINE_FILE, JSON.stringify(timeline));
const cpu = process.cpuUsage(c0);
if (res.statusCode !== request.status) {
  console.error(
    `expected ${request.status} from ${bundle} for ${request.method} ${request.path}, got ${res.statusCode}: ${res.body}`,
  );
  process.exit(1);
}
// cpuMs: this process's CPU time (user + system) over the same span — steadier than wall time on a busy machine.
console.log(
  JSON.stringify({
    importMs: t1 - t0,
    firstRequestMs: t2 - t1,
    totalMs: t2 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
  }),
);
