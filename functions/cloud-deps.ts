import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { everyoneAnonymous } from '../shared/access/principal';
import type { Config } from '../shared/config';
import type { AppDeps } from '../shared/http/deps';
import { s3BlobStore } from '../shared/platform/blob-store-s3';
import { systemClock } from '../shared/platform/clock';
import { ulidGenerator } from '../shared/platform/ids';
import { jsonLogger } from '../shared/platform/logger';
import { sesMailer } from '../shared/platform/mailer-ses';
import { sqsQueue } from '../shared/platform/queue-sqs';
import { lazy } from '../shared/platform/lazy';
import { KeyRing } from '../shared/platform/secrets';
import { secretsManagerSecret } from '../shared/platform/secrets-aws';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';

/** Wiring for Lambda: real AWS adapters, configured from the environment CDK sets. */
export function cloudDeps(config: Config): AppDeps {
  const region = config.region;
  const keyRing = new KeyRing(secretsManagerSecret(lazy(() => new SecretsManagerClient({ region })), config.appSecretArn));
  const s3 = lazy(() => new S3Client({ region }));
  return {
    store: new Store(config.tableName, new DynamoDBClient({ region }), new CursorCodec(() => keyRing.key('cursor'))),
    clock: systemClock,
    ids: ulidGenerator(systemClock),
    logger: jsonLogger(config.logLevel),
    blobs: { documents: s3BlobStore(s3, config.documentsBucket), certificates: s3BlobStore(s3, config.certificatesBucket) },
    mail: sesMailer(lazy(() => new SESv2Client({ region })), config.mailFrom),
    certificateJobs: sqsQueue(lazy(() => new SQSClient({ region })), config.certificateQueueUrl),
    settings: { mode: 'cloud', maxBodyBytes: config.maxBodyBytes, secureCookies: true, trustedOrigins: [config.publicOrigin] },
    principals: everyoneAnonymous,
  };
}
