import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { FEEDBACK_SLOT_PREFIX } from '../../shared/feedback/attachment';
import { acknowledge } from './nag';
import { secureBucket } from './secure-bucket';

/** The log sink plus the two content buckets the functions use. */
export class Storage extends Construct {
  /** S3 server access logs (`s3/…`) and CloudFront standard logs (`cloudfront/…`). */
  readonly accessLogs: s3.Bucket;
  /** Uploaded application documents (read and written by the api function). */
  readonly documents: s3.Bucket;
  /** Generated certificate PDFs (written by the worker, served by the api function). */
  readonly certificates: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.accessLogs = secureBucket(this, 'AccessLogs', {
      // CloudFront standard logging delivers through an ACL grant, which needs ACLs enabled;
      // the bucket owner still owns every object.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        {
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    acknowledge(
      this.accessLogs,
      'AwsSolutions-S1',
      'This is the access-log bucket itself: logging its own requests into itself would write a log object per log delivery, without end.',
    );
    this.documents = secureBucket(this, 'Documents', {
      accessLogs: this.accessLogs,
      extraLifecycleRules: [
        {
          // A feedback attachment's upload waits here until the feedback is sent (then it is copied and
          // deleted); a slot lives an hour (shared/feedback/attachment.ts), so what is left after a day
          // was never sent — and its earlier versions go with it.
          id: 'unsent-feedback-attachments',
          prefix: FEEDBACK_SLOT_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    this.certificates = secureBucket(this, 'Certificates', { accessLogs: this.accessLogs });
  }
}
