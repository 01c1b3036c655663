import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { AppError } from '../errors';
import type { JobQueue } from './queue';

/** `sqs` is called on first use (no SQS client is built on a cold start that queues nothing). */
export function sqsQueue<T>(sqs: () => SQSClient, queueUrl: string): JobQueue<T> {
  return {
    async send(job) {
      try {
        const out = await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(job) }));
        if (!out.MessageId) throw new Error('SQS returned no MessageId');
        return out.MessageId;
      } catch (error) {
        if (error instanceof Error && (error.name === 'RequestThrottled' || error.name === 'KmsThrottled' || error.name === 'ThrottlingException')) {
          throw new AppError('THROTTLED', 'The job queue is busy', { cause: error, retryAfterSeconds: 2 });
        }
        throw error;
      }
    },
  };
}
