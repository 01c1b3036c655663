import type { Context } from 'hono';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { getConnInfo } from 'hono/aws-lambda';
import { sessionPrincipals } from '../shared/http/session-cookie';
import type { Config } from '../shared/config';
import type { AppDeps } from '../shared/http/deps';
import { s3BlobStore } from '../shared/platform/blob-store-s3';
import { systemClock } from '../shared/platform/clock';
import { ulidGenerator } from '../shared/platform/ids';
import { jsonLogger } from '../shared/platform/logger';
import { sesMailer } from '../shared/platform/mailer-ses';
import type { Job } from '../shared/jobs/job';
import { sqsQueue } from '../shared/platform/queue-sqs';
import { s3UploadTarget } from '../shared/platform/uploads-s3';
import { lazy } from '../shared/platform/lazy';
import { KeyRing } from '../shared/platform/secrets';
import { secretsManagerSecret } from '../shared/platform/secrets-aws';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';

/** Wiring for Lambda: real AWS adapters, configured from the environment CDK sets. */
export function cloudDeps(config: Config): AppDeps {
  const region = config.region;
  const keyRing = new KeyRing(
    secretsManagerSecret(
      lazy(() => new SecretsManagerClient({ region })),
      config.appSecretArn,
    ),
  );
  const s3 = lazy(() => new S3Client({ region }));
  const store = new Store(
    config.tableName,
    new DynamoDBClient({ region }),
    new CursorCodec(() => keyRing.key('cursor')),
  );
  const ids = ulidGenerator(systemClock);
  // One queue and one worker for background jobs (exports, certificates, mail); the job's `type` routes it.
  const jobs = sqsQueue<Job>(
    lazy(() => new SQSClient({ region })),
    config.jobsQueueUrl,
  );
  const settings = {
    mode: 'cloud' as const,
    maxBodyBytes: config.maxBodyBytes,
    secureCookies: true,
    trustedOrigins: [config.publicOrigin],
    publicOrigin: config.publicOrigin,
  };
  return {
    store,
    clock: systemClock,
    ids,
    logger: jsonLogger(config.logLevel),
    blobs: {
      documents: s3BlobStore(s3, config.documentsBucket),
      certificates: s3BlobStore(s3, config.certificatesBucket),
    },
    mail: sesMailer(
      lazy(() => new SESv2Client({ region })),
      config.mailFrom,
    ),
    jobs,
    uploads: s3UploadTarget(s3, config.documentsBucket, systemClock),
    settings,
    keyRing,
    principals: sessionPrincipals({ store, clock: systemClock, keyRing, settings }),
    clientAddress: cloudClientAddress,
  };
}

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
