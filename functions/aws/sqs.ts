import { SQSClient } from '@aws-sdk/client-sqs';
import type { Config } from '../../shared/config';
import type { Job } from '../../shared/jobs/job';
import { lazy } from '../../shared/platform/lazy';
import type { JobQueue } from '../../shared/platform/queue';
import { sqsQueue } from '../../shared/platform/queue-sqs';

/** SQS for the api: loaded as its own chunk on the first request that queues a job (functions/cloud-deps.ts). */
export function sqsAdapter(config: Config): JobQueue<Job> {
  return sqsQueue<Job>(
    lazy(() => new SQSClient({ region: config.region })),
    config.jobsQueueUrl,
  );
}
