import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Job } from '../../shared/jobs/job';
import { processJob } from '../../shared/jobs/process-job';
import { signedUploadTarget } from '../../shared/platform/uploads';
import type { AppDeps } from '../../shared/http/deps';
import { fileBlobStore } from '../../shared/platform/blob-store-files';
import { certificateWorkerDeps } from '../../shared/certificates/certificate-worker-deps';
import { fileSigner } from '../../shared/platform/credential-signer';
import { lazy } from '../../shared/platform/lazy';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import type { Logger } from '../../shared/platform/logger';
import { type Metrics, noMetrics } from '../../shared/platform/metrics';
import { outboxMailer } from '../../shared/platform/mailer-outbox';
import { suppressingMailer } from '../../shared/mail/suppressing-mailer';
import type { Outbox } from '../../shared/platform/mailer';
import { inProcessQueue, type InProcessQueue } from '../../shared/platform/queue-in-process';
import { fileSecret, KeyRing, staticSecret } from '../../shared/platform/secrets';
import { CursorCodec } from '../../shared/store/cursor';
import { Store } from '../../shared/store/store';
import { localCredentials, localRegion } from './dynamodb-local';
import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sessionPrincipals } from '../../shared/http/session-cookie';
import type { DatabaseOutage } from '../../shared/health/check-health';

/** The table `npm start` and the local commands use in `.data/`. */
export const LOCAL_TABLE_NAME = 'przyjazny-urzad';

export interface LocalDepsOptions {
  endpoint: string;
  tableName: string;
  /** `.data/` for a persistent run; omit for everything in memory or a temp folder. */
  dataDir?: string;
  blobDir: string;
  logger: Logger;
  /** Business metrics; none by default (the events are in the log and the audit trail). */
  metrics?: Metrics;
  clock?: Clock;
  maxBodyBytes?: number;
  /** The port the browser uses, so http://localhost:<port> is a trusted origin. */
  port?: number;
  /** Why DynamoDB Local is down, while `npm start` restarts it. */
  databaseOutage?: DatabaseOutage;
}

export interface LocalDeps extends AppDeps {
  mail: Outbox;
  jobs: InProcessQueue<Job>;
  dynamo: DynamoDBClient;
}

/** Wiring for the laptop (and the api tests): DynamoDB Local, files for blobs, an outbox, an in-process queue. */
export function localDeps(options: LocalDepsOptions): LocalDeps {
  const clock = options.clock ?? systemClock;
  const ids = ulidGenerator(clock);
  const metrics = options.metrics ?? noMetrics;
  const secret = options.dataDir
    ? fileSecret(join(options.dataDir, 'app-secret'))
    : staticSecret(randomBytes(48).toString('base64url'));
  const keyRing = new KeyRing(secret);
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region: localRegion, credentials: localCredentials });
  const settings = {
    mode: 'local' as const,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    secureCookies: false,
    trustedOrigins: options.port ? [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`] : [],
    publicOrigin: `http://localhost:${options.port ?? 3000}`,
  };
  const store = new Store(options.tableName, dynamo, new CursorCodec(() => keyRing.key('cursor')));
  const documents = fileBlobStore(join(options.blobDir, 'documents'));
  const certificates = fileBlobStore(join(options.blobDir, 'certificates'));
  // The credential signing key: generated on first use under `.data/` (or beside a test's blobs).
  const signer = fileSigner(join(options.dataDir ?? options.blobDir, 'credential-key.json'));
  const certificateJobs = lazy(() =>
    certificateWorkerDeps(
      { store, clock, logger: options.logger, blobs: { certificates } },
      () => signer,
      settings.publicOrigin,
    ),
  );
  // Like the cloud: no mail to an address SES reported bounced or complained (shared/mail/).
  const mail = suppressingMailer(
    outboxMailer(clock, ids, options.dataDir ? join(options.dataDir, 'outbox') : undefined),
    () => ({ store, clock, ids, logger: options.logger }),
  );
  // The same handler the cloud worker runs, fed through an in-process queue.
  const worker = (body: string) =>
    processJob(
      {
        logger: options.logger,
        metrics,
        exports: () => ({ store, clock, logger: options.logger, blobs: { documents } }),
        mail: () => mail,
        scoring: () => ({ store, clock, ids, mail, settings }),
        results: () => ({ store, logger: options.logger, mail, settings }),
        certificates: certificateJobs,
        mailFeedback: () => ({ store, logger: options.logger }),
      },
      { body },
    );
  return {
    dynamo,
    store,
    clock,
    ids,
    logger: options.logger,
    metrics,
    blobs: {
      documents,
      certificates,
    },
    mail,
    jobs: inProcessQueue<Job>(ids, worker),
    uploads: signedUploadTarget(keyRing, clock),
    settings,
    keyRing,
    principals: sessionPrincipals({ store, clock, settings }),
    databaseOutage: options.databaseOutage,
    clientAddress: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown'; // app.request() in tests has no socket
      }
    },
  };
}
