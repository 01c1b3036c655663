import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { callAws } from './aws-errors';
import type { JobQueue } from './queue';

/** `sqs` is called on first use (no SQS client is built on a cold start that queues nothing). */
export function sqsQueue<T>(sqs: () => SQSClient, queueUrl: string): JobQueue<T> {
  return {
    async send(job) {
      const out = await callAws('The job queue', () =>
        sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(job) })),
      );
      if (!out.MessageId) throw new Error('SQS returned no MessageId');
      return out.MessageId;
    },
  };
}
