import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface SecureBucketProps {
  /** Where S3 server access logs go; omitted only for the log bucket itself. */
  readonly accessLogs?: s3.IBucket;
  /** Log prefix inside the access-log bucket; defaults to `s3/<id>/`. */
  readonly accessLogsPrefix?: string;
  readonly objectOwnership?: s3.ObjectOwnership;
  /** Replaces the default rules (old versions expire after 90 days, stale multipart uploads after 7). */
  readonly lifecycleRules?: s3.LifecycleRule[];
  /** Added to the default rules (e.g. a prefix whose objects expire). */
  readonly extraLifecycleRules?: s3.LifecycleRule[];
}

/**
 * Every bucket of the platform: private (all public access blocked), TLS 1.2+ only, versioned,
 * encrypted with S3-managed keys, and kept when the stack is deleted. Overwritten or deleted
 * objects stay recoverable for 90 days, then their old versions expire.
 */
export function secureBucket(scope: Construct, id: string, props: SecureBucketProps = {}): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(props.accessLogs
      ? {
          serverAccessLogsBucket: props.accessLogs,
          serverAccessLogsPrefix: props.accessLogsPrefix ?? `s3/${id.toLowerCase()}/`,
        }
      : {}),
    lifecycleRules: props.lifecycleRules ?? [
      { noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ...(props.extraLifecycleRules ?? []),
    ],
  });
}

/**
 * Named object actions (never `s3:*` or `Get*`) on every object of a bucket. A reader also gets
 * ListBucket, without which S3 answers a missing key with 403 instead of NoSuchKey.
 */
export function grantObjectActions(grantee: iam.IGrantable, bucket: s3.IBucket, actions: string[]): void {
  const principal = grantee.grantPrincipal;
  principal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [bucket.arnForObjects('*')] }));
  if (actions.includes('s3:GetObject')) {
    principal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
  }
}
