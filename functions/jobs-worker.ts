import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { KMSClient } from '@aws-sdk/client-kms';
import { certificateWorkerDeps } from '../shared/certificates/certificate-worker-deps';
import { kmsSigner } from '../shared/platform/credential-signer-kms';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { randomBytes } from 'node:crypto';
import { processJob } from '../shared/jobs/process-job';
import { readConfig } from '../shared/config';
import { s3BlobStore } from '../shared/platform/blob-store-s3';
import { systemClock } from '../shared/platform/clock';
import { ulidGenerator } from '../shared/platform/ids';
import { lazy } from '../shared/platform/lazy';
import { jsonLogger } from '../shared/platform/logger';
import { emfMetrics } from '../shared/platform/metrics-emf';
import { sesMailer } from '../shared/platform/mailer-ses';
import { suppressingMailer } from '../shared/mail/suppressing-mailer';
import { KeyRing, staticSecret } from '../shared/platform/secrets';
import { CursorCodec } from '../shared/store/cursor';
import { Store } from '../shared/store/store';

const config = readConfig();
const logger = jsonLogger(config.logLevel);
const metrics = emfMetrics();
const region = config.region;
// The table alone (mail and SES feedback need nothing else), and the rest of the exports' deps beside it.
const table = lazy(() => {
  // The worker's cursors never leave the function (queryAll pages internally), so a per-instance key will do.
  const keyRing = new KeyRing(staticSecret(randomBytes(48).toString('base64url')));
  return {
    store: new Store(config.tableName, new DynamoDBClient({ region }), new CursorCodec(() => keyRing.key('cursor'))),
    clock: systemClock,
    logger,
  };
});
const deps = lazy(() => {
  return {
    ...table(),
    logger,
    blobs: {
      documents: s3BlobStore(
        lazy(() => new S3Client({ region })),
        config.documentsBucket,
      ),
    },
  };
});

// Certificates: rendered with the bundled fonts, signed with the KMS key (CREDENTIAL_KEY_ID).
const certificates = lazy(() => {
  const { store, clock } = deps();
  const keyId = config.credentialKeyId;
  if (!keyId) throw new Error('CREDENTIAL_KEY_ID is not set: certificates cannot be signed');
  return certificateWorkerDeps(
    {
      store,
      clock,
      logger,
      blobs: {
        certificates: s3BlobStore(
          lazy(() => new S3Client({ region })),
          config.certificatesBucket,
        ),
      },
    },
    lazy(() =>
      kmsSigner(
        lazy(() => new KMSClient({ region })),
        keyId,
      ),
    ),
    config.publicOrigin,
  );
});

// Every mail names the configuration set, and none goes to an address SES reported bounced or complained.
const mail = lazy(() =>
  suppressingMailer(
    sesMailer(
      lazy(() => new SESv2Client({ region })),
      config.mailFrom,
      config.mailConfigurationSet,
    ),
    () => {
      const { store, clock } = table();
      return { store, clock, ids: ulidGenerator(clock), logger };
    },
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
 * SQS → background jobs (exports, certificates, mail), and SES's bounces and complaints (SNS notifications
 * on the same queue, recorded as suppressions). Each message is handled on its own; a failed or
 * malformed one is reported in `batchItemFailures`, so SQS retries only that one and, after
 * maxReceiveCount, moves it to the DLQ.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await processJob(
        {
          logger,
          metrics,
          exports: deps,
          mail,
          scoring,
          results: () => ({ ...scoring(), logger }),
          certificates,
          mailFeedback: () => ({ ...table(), feedbackTopicArn: config.mailFeedbackTopicArn }),
        },
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
