// Runs in a fresh Node process: import one bundled handler and answer one /api/health event.
// Prints one JSON line with the timings; exits non-zero if the answer is not a 200.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
const event = {
  version: '2.0',
  routeKey: 'ANY /api/{proxy+}',
  rawPath: '/api/health',
  rawQueryString: '',
  headers: { host: 'bench.execute-api.eu-central-1.amazonaws.com', 'x-forwarded-proto': 'https' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'bench',
    domainName: 'bench.execute-api.eu-central-1.amazonaws.com',
    domainPrefix: 'bench',
    http: { method: 'GET', path: '/api/health', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    requestId: 'bench-1',
    routeKey: 'ANY /api/{proxy+}',
    stage: '$default',
    time: '01/Mar/2026:10:00:00 +0000',
    timeEpoch: 1772359200000,
  },
  isBase64Encoded: false,
};
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };

const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const res = await mod.handler(event, context);
const t2 = performance.now();
if (res.statusCode !== 200) {
  console.error(`expected 200 from ${bundle}, got ${res.statusCode}: ${res.body}`);
  process.exit(1);
}
console.log(JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1, totalMs: t2 - t0 }));
