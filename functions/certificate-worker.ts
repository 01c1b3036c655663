import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processCertificateJob } from '../shared/certificates/process-certificate-job';
import { readConfig } from '../shared/config';
import { jsonLogger } from '../shared/platform/logger';

const logger = jsonLogger(readConfig().logLevel);

/**
 * SQS → certificate jobs. Each message is handled on its own; a failed or malformed one is reported
 * in `batchItemFailures`, so SQS retries only that one and, after maxReceiveCount, moves it to the DLQ.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await processCertificateJob({ logger }, record.body);
    } catch (error) {
      logger.error('certificate job failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error instanceof Error ? error.message : String(error),
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
