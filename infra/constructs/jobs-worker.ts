import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import { JobQueue } from './job-queue';
import { grantSendMail } from './mail';
import type { DataTable } from './data';
import { acknowledge, objectWildcardFinding } from './nag';
import { grantObjectActions } from './secure-bucket';
import type { Storage } from './storage';

export interface JobsWorkerProps {
  readonly data: DataTable;
  readonly storage: Storage;
  readonly logLevel: string;
  /** Sender of the mail jobs (assignment digests and other mail sent off the request path). */
  readonly mailFrom: string;
}

/** Exports of a whole edition (XLSX, attachments ZIP) take longer than one certificate. */
export const jobsWorkerTimeout = Duration.minutes(5);

/**
 * The background job queue (exports, certificates, mail) and its consumer. A failed message is reported on its own
 * (ReportBatchItemFailures), so only it is retried and, after three receives, dead-lettered.
 */
export class JobsWorker extends Construct {
  readonly jobs: JobQueue;
  readonly fn: AppFunction;

  constructor(scope: Construct, id: string, props: JobsWorkerProps) {
    super(scope, id);
    this.jobs = new JobQueue(this, 'Queue', { consumerTimeout: jobsWorkerTimeout });
    this.fn = new AppFunction(this, 'Worker', {
      name: 'jobs-worker',
      description:
        'Background jobs from SQS: exports into the documents bucket, certificates into the certificates bucket, mail through SES',
      memorySize: 1024,
      timeout: jobsWorkerTimeout,
      environment: {
        TABLE_NAME: props.data.table.tableName,
        CERTIFICATES_BUCKET: props.storage.certificates.bucketName,
        DOCUMENTS_BUCKET: props.storage.documents.bucketName,
        MAIL_FROM: props.mailFrom,
        LOG_LEVEL: props.logLevel,
      },
    });
    this.fn.function.addEventSource(
      new SqsEventSource(this.jobs.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );
    props.data.grantDataReadWrite(this.fn.role);
    grantSendMail(this.fn.role, props.mailFrom);
    grantObjectActions(this.fn.role, props.storage.certificates, ['s3:PutObject']);
    // Exports read the attachments (applications/…) and write the export file (exports/…).
    grantObjectActions(this.fn.role, props.storage.documents, ['s3:GetObject', 's3:PutObject']);
    acknowledge(
      this.fn.role,
      objectWildcardFinding(props.storage.certificates),
      'Certificate object keys are derived from the edition and application of each job, so PutObject (the only object action) is granted on <certificates bucket>/*.',
    );
    acknowledge(
      this.fn.role,
      objectWildcardFinding(props.storage.documents),
      'Exports read every attachment of an edition (applications/<application id>/<attachment id>) and write exports/<edition id>/<export id>; the keys are random ids known only at run time, so Get/PutObject are granted on <documents bucket>/*.',
    );
  }
}
