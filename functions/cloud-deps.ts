import type { Context } from 'hono';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getConnInfo } from 'hono/aws-lambda';
import { sessionPrincipals } from '../shared/http/session-cookie';
import type { Config } from '../shared/config';
import type { AppDeps } from '../shared/http/deps';
import type { Job } from '../shared/jobs/job';
import type { BlobStore } from '../shared/platform/blob-store';
import { systemClock } from '../shared/platform/clock';
import { ulidGenerator } from '../shared/platform/ids';
import { once } from '../shared/platform/lazy';
import { jsonLogger } from '../shared/platform/logger';
import { emfMetrics } from '../shared/platform/metrics-emf';
import type { Mailer } from '../shared/platform/mailer';
import type { JobQueue } from '../shared/platform/queue';
import { KeyRing, type SecretSource } from '../shared/platform/secrets';
import type { UploadTarget } from '../shared/platform/uploads';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';

/**
 * Wiring for Lambda: real AWS adapters, configured from the environment CDK sets.
 *
 * Only DynamoDB is loaded with the function. The S3, SES, SQS and Secrets Manager adapters (with
 * their SDK clients) are imported on the first call that needs them: the api is bundled with esbuild
 * code splitting (infra/constructs/bundling.ts), so each `import('./aws/…')` below is a chunk of its
 * own that a request which never touches that service never reads (docs/performance.md).
 */
export function cloudDeps(config: Config): AppDeps {
  const s3 = once(() => import('./aws/s3').then((m) => m.s3Adapters(config)));
  const secret = once(() => import('./aws/secrets').then((m) => m.secretsAdapter(config)));
  // The suppression check rides in the SES chunk: `store` and the rest exist by the time the first mail is sent.
  const mailer = once(() =>
    import('./aws/ses').then((m) => m.sesAdapter(config, { store, clock: systemClock, ids, logger })),
  );
  const queue = once(() => import('./aws/sqs').then((m) => m.sqsAdapter(config)));

  const keyRing = new KeyRing(deferredSecret(secret));
  const store = new Store(
    config.tableName,
    new DynamoDBClient({ region: config.region }),
    new CursorCodec(() => keyRing.key('cursor')),
  );
  const settings = {
    mode: 'cloud' as const,
    maxBodyBytes: config.maxBodyBytes,
    secureCookies: true,
    trustedOrigins: [config.publicOrigin],
    publicOrigin: config.publicOrigin,
  };
  const ids = ulidGenerator(systemClock);
  const logger = jsonLogger(config.logLevel);
  return {
    store,
    clock: systemClock,
    ids,
    logger,
    metrics: emfMetrics(),
    blobs: {
      documents: deferredBlobStore(() => s3().then((a) => a.documents)),
      certificates: deferredBlobStore(() => s3().then((a) => a.certificates)),
    },
    mail: deferredMailer(mailer),
    // One queue and one worker for background jobs (exports, certificates, mail); the job's `type` routes it.
    jobs: deferredQueue(queue),
    uploads: deferredUploads(() => s3().then((a) => a.uploads)),
    settings,
    keyRing,
    principals: sessionPrincipals({ store, clock: systemClock, settings }),
    clientAddress: cloudClientAddress,
  };
}

// Each adapter interface is all-async, so a stand-in can load the real adapter inside its first call.
const deferredSecret = (load: () => Promise<SecretSource>): SecretSource => ({
  rootSecret: async () => (await load()).rootSecret(),
});
const deferredBlobStore = (load: () => Promise<BlobStore>): BlobStore => ({
  put: async (...args) => (await load()).put(...args),
  get: async (...args) => (await load()).get(...args),
  delete: async (...args) => (await load()).delete(...args),
});
const deferredMailer = (load: () => Promise<Mailer>): Mailer => ({
  send: async (...args) => (await load()).send(...args),
});
const deferredQueue = (load: () => Promise<JobQueue<Job>>): JobQueue<Job> => ({
  send: async (...args) => (await load()).send(...args),
});
const deferredUploads = (load: () => Promise<UploadTarget>): UploadTarget => ({
  presign: async (...args) => (await load()).presign(...args),
});

/**
 * Behind CloudFront the connecting address is an edge server; CloudFront's own
 * CloudFront-Viewer-Address ("ip:port", forwarded by the origin request policy) names the client.
 */
export function cloudClientAddress(c: Context): string {
  const viewer = c.req.header('cloudfront-viewer-address');
  if (viewer && viewer.lastIndexOf(':') > 0) return viewer.slice(0, viewer.lastIndexOf(':'));
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
