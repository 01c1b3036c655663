import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { randomBytes } from 'node:crypto';
import { processJob } from '../shared/jobs/process-job';
import { readConfig } from '../shared/config';
import { s3BlobStore } from '../shared/platform/blob-store-s3';
import { systemClock } from '../shared/platform/clock';
import { ulidGenerator } from '../shared/platform/ids';
import { lazy } from '../shared/platform/lazy';
import { jsonLogger } from '../shared/platform/logger';
import { sesMailer } from '../shared/platform/mailer-ses';
import { KeyRing, staticSecret } from '../shared/platform/secrets';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';

const config = readConfig();
const logger = jsonLogger(config.logLevel);
const region = config.region;
const deps = lazy(() => {
  // The worker's cursors never leave the function (queryAll pages internally), so a per-instance key will do.
  const keyRing = new KeyRing(staticSecret(randomBytes(48).toString('base64url')));
  return {
    store: new Store(config.tableName, new DynamoDBClient({ region }), new CursorCodec(() => keyRing.key('cursor'))),
    clock: systemClock,
    logger,
    blobs: {
      documents: s3BlobStore(
        lazy(() => new S3Client({ region })),
        config.documentsBucket,
      ),
    },
  };
});

const mail = lazy(() =>
  sesMailer(
    lazy(() => new SESv2Client({ region })),
    config.mailFrom,
  ),
);

// The reminders job reads the table and mails; links point at the public origin.
const scoring = lazy(() => {
  const { store, clock } = deps();
  return {
    store,
    clock,
    ids: ulidGenerator(clock),
    mail: mail(),
    settings: {
      mode: 'cloud' as const,
      maxBodyBytes: 0,
      secureCookies: true,
      trustedOrigins: [],
      publicOrigin: config.publicOrigin,
    },
  };
});

/**
 * SQS → background jobs (exports, certificates, mail). Each message is handled on its own; a failed or
 * malformed one is reported in `batchItemFailures`, so SQS retries only that one and, after
 * maxReceiveCount, moves it to the DLQ.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await processJob(
        { logger, exports: deps, mail, scoring, results: () => ({ ...scoring(), logger }) },
        { body: record.body },
      );
    } catch (error) {
      logger.error('job failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error instanceof Error ? error.message : String(error),
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
