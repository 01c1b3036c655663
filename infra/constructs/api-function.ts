import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import type { AppSecret } from './app-secret';
import type { DataTable } from './data';
import { grantSendMail } from './mail';
import { acknowledge, objectWildcardFinding } from './nag';
import { grantObjectActions } from './secure-bucket';
import type { Storage } from './storage';

export interface ApiFunctionProps {
  readonly data: DataTable;
  readonly storage: Storage;
  readonly jobs: sqs.IQueue;
  readonly secret: AppSecret;
  /** Sender address, `name@domain` or `Display Name <name@domain>`. */
  readonly mailFrom: string;
  readonly logLevel: string;
}

/** The Hono app on Lambda (functions/api.ts), with exactly the access its routes need. */
export class ApiFunction extends Construct {
  readonly fn: AppFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { data, storage, secret } = props;
    this.fn = new AppFunction(this, 'Api', {
      name: 'api',
      description: 'HTTP API of the Przyjazny Urzad platform (one Hono app)',
      // Below the HTTP API's 30 s integration limit, so the function's own error reaches the client.
      timeout: Duration.seconds(25),
      // Every request may be a cold start; the maps are in the asset, for reading a logged trace offline.
      sourceMaps: false,
      environment: {
        TABLE_NAME: data.table.tableName,
        DOCUMENTS_BUCKET: storage.documents.bucketName,
        CERTIFICATES_BUCKET: storage.certificates.bucketName,
        JOBS_QUEUE_URL: props.jobs.queueUrl,
        MAIL_FROM: props.mailFrom,
        APP_SECRET_ARN: secret.secret.secretArn,
        LOG_LEVEL: props.logLevel,
      },
    });
    const role = this.fn.role;

    data.grantDataReadWrite(role);
    grantObjectActions(role, storage.documents, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    grantObjectActions(role, storage.certificates, ['s3:GetObject']);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.jobs.queueArn] }),
    );
    secret.secret.grantRead(role);

    grantSendMail(role, props.mailFrom);

    for (const bucket of [storage.documents, storage.certificates]) {
      acknowledge(
        role,
        objectWildcardFinding(bucket),
        'Object keys are generated per edition and application at run time, so object access is granted on <bucket>/*; the actions are listed one by one (no s3:* or Get*), the bucket is private and TLS-only.',
      );
    }
  }
}
