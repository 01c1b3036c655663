import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { Principal } from '../../shared/access/principal';
import { sessionPrincipals } from '../../shared/http/session-cookie';
import type { AppDeps } from '../../shared/http/deps';
import { fileBlobStore } from '../../shared/platform/blob-store-files';
import { fixedClock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import { memoryLogger } from '../../shared/platform/logger';
import { recordingMetrics } from '../../shared/platform/metrics';
import { outboxMailer } from '../../shared/platform/mailer-outbox';
import { suppressingMailer } from '../../shared/mail/suppressing-mailer';
import { inProcessQueue } from '../../shared/platform/queue-in-process';
import { KeyRing, staticSecret } from '../../shared/platform/secrets';
import { CursorCodec } from '../../shared/store/cursor';
import { Store } from '../../shared/store/store';
import type { Job } from '../../shared/jobs/job';
import { processJob } from '../../shared/jobs/process-job';
import { signedUploadTarget } from '../../shared/platform/uploads';
import { certificateWorkerDeps } from '../../shared/certificates/certificate-worker-deps';
import { fileSigner } from '../../shared/platform/credential-signer';
import { lazy } from '../../shared/platform/lazy';

/** One credential signing key per test process (generated on first use), like the local `.data/` key. */
export const testSigner = lazy(() => fileSigner(join(mkdtempSync(join(tmpdir(), 'pu-key-')), 'credential-key.json')));

export const testCursorCodec = (secret = randomBytes(48).toString('base64url')) => {
  const ring = new KeyRing(staticSecret(secret));
  return new CursorCodec(() => ring.key('cursor'));
};

/** A unique prefix per test, so tests sharing one table never see each other's items. */
export const uniqueId = (label = 't') => `${label}-${randomBytes(6).toString('hex')}`;

export interface TestDepsOverrides {
  dynamo?: DynamoDBClient;
  tableName?: string;
  maxBodyBytes?: number;
  principals?: (c: Context) => Promise<Principal>;
}

/** Typed deps for app tests; the DynamoDB client decides whether the store is real (DynamoDB Local) or mocked. */
export function testDeps(overrides: TestDepsOverrides = {}) {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  const ids = ulidGenerator(clock);
  const logger = memoryLogger();
  const metrics = recordingMetrics();
  const blobRoot = mkdtempSync(join(tmpdir(), 'pu-blobs-'));
  const dynamo =
    overrides.dynamo ??
    new DynamoDBClient({ region: 'eu-central-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const mail = suppressingMailer(outboxMailer(clock, ids), () => ({ store, clock, ids, logger }));
  const documents = fileBlobStore(join(blobRoot, 'documents'));
  const certificates = fileBlobStore(join(blobRoot, 'certificates'));
  const certificateJobs = lazy(() =>
    certificateWorkerDeps({ store, clock, logger, blobs: { certificates } }, testSigner, settings.publicOrigin),
  );
  // Jobs run for real (in process), like locally: the worker's use cases against the same table and outbox.
  const jobs = inProcessQueue<Job>(ids, (body) =>
    processJob(
      {
        logger,
        metrics,
        exports: () => ({ store, clock, logger, blobs: { documents } }),
        mail: () => mail,
        scoring: () => ({ store, clock, ids, mail, settings }),
        results: () => ({ store, logger, mail, settings }),
        certificates: certificateJobs,
        mailFeedback: () => ({ store, logger }),
      },
      { body },
    ),
  );
  const keyRing = new KeyRing(staticSecret(randomBytes(48).toString('base64url')));
  const store = new Store(overrides.tableName ?? 'test-table', dynamo, new CursorCodec(() => keyRing.key('cursor')));
  const settings = {
    mode: 'local' as const,
    maxBodyBytes: overrides.maxBodyBytes ?? 1024,
    secureCookies: true,
    trustedOrigins: ['https://konkurs.example.org'],
    publicOrigin: 'https://konkurs.example.org',
  };
  const deps = {
    store,
    clock,
    ids,
    logger,
    metrics,
    blobs: { documents, certificates },
    uploads: signedUploadTarget(keyRing, clock),
    mail,
    jobs,
    settings,
    keyRing,
    principals: overrides.principals ?? sessionPrincipals({ store, clock, settings }),
    clientAddress: (c: Context) => c.req.header('x-test-client-address') ?? '192.0.2.1',
  } satisfies AppDeps;
  return deps;
}
