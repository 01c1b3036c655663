import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import type { AppSecret } from './app-secret';
import type { DataTable } from './data';
import { acknowledge, objectWildcardFinding } from './nag';
import { grantObjectActions } from './secure-bucket';
import type { Storage } from './storage';

export interface ApiFunctionProps {
  readonly data: DataTable;
  readonly storage: Storage;
  readonly certificateJobs: sqs.IQueue;
  readonly secret: AppSecret;
  /** Sender address, `name@domain` or `Display Name <name@domain>`. */
  readonly mailFrom: string;
  readonly logLevel: string;
}

/** The address and domain of a From header value; SES authorises sending per verified identity. */
export function mailIdentity(mailFrom: string): { address: string; domain: string } {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  const match = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(address);
  if (!match?.[1]) throw new Error(`mailFrom must be an e-mail address, got "${mailFrom}"`);
  return { address, domain: match[1].toLowerCase() };
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
      environment: {
        TABLE_NAME: data.table.tableName,
        DOCUMENTS_BUCKET: storage.documents.bucketName,
        CERTIFICATES_BUCKET: storage.certificates.bucketName,
        CERTIFICATE_QUEUE_URL: props.certificateJobs.queueUrl,
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
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.certificateJobs.queueArn] }),
    );
    secret.secret.grantRead(role);

    const { address, domain } = mailIdentity(props.mailFrom);
    const stack = Stack.of(this);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        // The address or its domain may be the verified identity; both are named, nothing else.
        resources: [domain, address].map((name) =>
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
        ),
        conditions: { StringEquals: { 'ses:FromAddress': address } },
      }),
    );

    for (const bucket of [storage.documents, storage.certificates]) {
      acknowledge(
        role,
        objectWildcardFinding(bucket),
        'Object keys are generated per edition and application at run time, so object access is granted on <bucket>/*; the actions are listed one by one (no s3:* or Get*), the bucket is private and TLS-only.',
      );
    }
  }
}
