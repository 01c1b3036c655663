import { join } from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms';
import { Backup } from './constructs/backup';
import { Dashboard } from './constructs/dashboard';
import { ApiFunction } from './constructs/api-function';
import { Mail, mailIdentity } from './constructs/mail';
import { AppSecret } from './constructs/app-secret';
import { repoRoot } from './constructs/bundling';
import { CredentialKey } from './constructs/credential-key';
import { JobsWorker } from './constructs/jobs-worker';
import { OriginSecret } from './constructs/origin-secret';
import { DataTable } from './constructs/data';
import { PlatformHttpApi } from './constructs/http-api';
import { Storage } from './constructs/storage';
import { SurveyCounter } from './constructs/survey-counter';
import { Web, type WebDomain } from './constructs/web';
import type { EdgeStack } from './edge-stack';
import { contextString, type DomainSettings, edgeRegion, type Stage } from './settings';
import { hasWebBuild, WebDeployment } from './constructs/web-deployment';

export const defaultMailFrom = 'no-reply@example.org';
export const defaultWebDist = join(repoRoot, 'web/dist');

export interface PlatformStackProps extends StackProps {
  /**
   * Built SPA to upload. Defaults to the `webDist` context value, else web/dist; nothing is uploaded
   * when the directory holds no index.html, and `null` never uploads (synth never needs a web build).
   */
  readonly webDistPath?: string | null;
  /** The us-east-1 stack holding the web ACL and the certificate CloudFront uses. */
  readonly edge: EdgeStack;
  /** The public domain (context `domainName`…); none for a dev stage on *.cloudfront.net. */
  readonly domain?: DomainSettings;
  /** dev (default) or prod: removal policies and backup retention (context `stage`, infra/settings.ts). */
  readonly stage?: Stage;
}

/**
 * The whole cloud platform but its us-east-1 edge (EdgeStack). Settings come from CDK context:
 * `mailFrom` (SES sender, default no-reply@example.org), `logLevel` (default info), the
 * optional `alarmEmail`, `webDist` (the SPA build to upload, default web/dist) and the domain
 * (infra/settings.ts); docs/operations.md lists them.
 */
export class PlatformStack extends Stack {
  readonly data: DataTable;
  readonly storage: Storage;
  readonly secret: AppSecret;
  readonly credentialKey: CredentialKey;
  readonly worker: JobsWorker;
  readonly api: ApiFunction;
  readonly httpApi: PlatformHttpApi;
  readonly originSecret: OriginSecret;
  readonly web: Web;
  readonly webDeployment: WebDeployment | undefined;
  readonly alarms: Alarms;
  readonly dashboard: Dashboard;
  readonly backup: Backup;
  readonly stage: Stage;
  readonly mail: Mail;
  readonly surveyCounter: SurveyCounter;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    // With a public domain, mail comes from it by default (its SES identity and DKIM are then in this stack).
    const mailFrom =
      contextString(this, 'mailFrom') ?? (props.domain ? `no-reply@${props.domain.domainName}` : defaultMailFrom);
    mailIdentity(mailFrom); // fail synth early on a malformed sender
    const logLevel = contextString(this, 'logLevel') ?? 'info';

    this.stage = props.stage ?? 'dev';
    this.data = new DataTable(this, 'Data', { stage: this.stage });
    this.storage = new Storage(this, 'Storage');
    this.backup = new Backup(this, 'Backup', {
      stage: this.stage,
      table: this.data.table,
      documents: this.storage.documents,
    });
    this.secret = new AppSecret(this, 'AppSecret');
    this.worker = new JobsWorker(this, 'Jobs', { data: this.data, storage: this.storage, logLevel, mailFrom });
    this.surveyCounter = new SurveyCounter(this, 'SurveyCounter', { data: this.data, logLevel });
    // Only the worker signs credentials; it is given the key ARN (an alias could be re-pointed under a cached kid).
    this.credentialKey = new CredentialKey(this, 'CredentialKey');
    this.credentialKey.grantSign(this.worker.fn.role);
    this.worker.fn.function.addEnvironment('CREDENTIAL_KEY_ID', this.credentialKey.key.keyArn);
    this.api = new ApiFunction(this, 'Api', {
      data: this.data,
      storage: this.storage,
      jobs: this.worker.jobs.queue,
      secret: this.secret,
      mailFrom,
      logLevel,
    });
    // SES: a configuration set on every mail, its bounces and complaints to the worker (infra/constructs/mail.ts).
    this.mail = new Mail(this, 'Mail', {
      mailFrom,
      verifyDomain: props.domain !== undefined,
      ...(props.domain && 'hostedZone' in props.domain ? { hostedZone: props.domain.hostedZone } : {}),
    });
    this.mail.deliverFeedbackTo(this.worker.jobs.queue);
    this.worker.fn.function.addEnvironment('MAIL_FEEDBACK_TOPIC_ARN', this.mail.feedback.topicArn);
    this.mail.allowSending(this.api.fn.role, this.api.fn.function);
    this.mail.allowSending(this.worker.fn.role, this.worker.fn.function);
    this.httpApi = new PlatformHttpApi(this, 'Http', { handler: this.api.fn.function });
    // Only CloudFront knows the origin secret; the api refuses requests without it (docs/operations.md).
    this.originSecret = new OriginSecret(this, 'OriginSecret', {
      generation: contextString(this, 'originSecretGeneration') ?? '1',
      acceptPrevious: contextString(this, 'originSecretAcceptPrevious') === 'true',
    });
    for (const [name, value] of Object.entries(this.originSecret.functionEnvironment()))
      this.api.fn.function.addEnvironment(name, value);
    this.web = new Web(this, 'Web', {
      httpApi: this.httpApi.httpApi,
      accessLogs: this.storage.accessLogs,
      webAclArn: props.edge.webAcl.acl.attrArn,
      apiOriginHeaders: this.originSecret.originHeaders(),
      ...(props.domain ? { domain: webDomain(this, props.domain, props.edge) } : {}),
    });
    // The app builds absolute links (e-mails) from its public origin, known only once CloudFront exists.
    this.api.fn.function.addEnvironment('PUBLIC_ORIGIN', this.web.origin);
    this.worker.fn.function.addEnvironment('PUBLIC_ORIGIN', this.web.origin);
    // Browsers PUT attachments straight to the documents bucket with presigned URLs, from the web origin only.
    this.storage.documents.addCorsRule({
      allowedOrigins: [this.web.origin],
      allowedMethods: [s3.HttpMethods.PUT],
      // The presigned PUT signs the checksum and If-None-Match headers, so the browser must be allowed to send them.
      allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'if-none-match'],
      maxAge: 3000,
    });

    const webDistPath =
      props.webDistPath === undefined ? (contextString(this, 'webDist') ?? defaultWebDist) : props.webDistPath;
    this.webDeployment =
      webDistPath !== null && hasWebBuild(webDistPath)
        ? new WebDeployment(this, 'WebDeployment', {
            distPath: webDistPath,
            bucket: this.web.bucket,
            distribution: this.web.distribution,
          })
        : undefined;

    this.alarms = new Alarms(this, 'Alarms', {
      httpApi: this.httpApi.httpApi,
      functions: {
        api: this.api.fn.function,
        'jobs-worker': this.worker.fn.function,
        'survey-counter': this.surveyCounter.fn.function,
      },
      deadLetters: this.worker.jobs.deadLetters,
      alarmEmail: contextString(this, 'alarmEmail'),
    });
    this.surveyCounter.alarmTo(this.alarms.topic);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `przyjazny-urzad-${this.stage}`,
      httpApi: this.httpApi.httpApi,
      functions: {
        api: this.api.fn.function,
        'jobs-worker': this.worker.fn.function,
        'survey-counter': this.surveyCounter.fn.function,
      },
      jobs: this.worker.jobs.queue,
      deadLetters: this.worker.jobs.deadLetters,
      surveyCounterDeadLetters: this.surveyCounter.deadLetters,
      table: this.data.table,
      webAcl: { acl: props.edge.webAcl, region: edgeRegion },
    });

    const outputs: Record<string, string> = {
      WebUrl: this.web.origin,
      ApiEndpoint: this.httpApi.httpApi.apiEndpoint,
      TableName: this.data.table.tableName,
      DocumentsBucketName: this.storage.documents.bucketName,
      CertificatesBucketName: this.storage.certificates.bucketName,
      WebBucketName: this.web.bucket.bucketName,
      JobsQueueUrl: this.worker.jobs.queue.queueUrl,
      JobsDeadLetterQueueUrl: this.worker.jobs.deadLetters.queueUrl,
      SurveyCounterDeadLetterQueueUrl: this.surveyCounter.deadLetters.queueUrl,
      AppSecretArn: this.secret.secret.secretArn,
      OriginSecretArn: this.originSecret.secret.secretArn,
      CredentialKeyArn: this.credentialKey.key.keyArn,
      AlarmTopicArn: this.alarms.topic.topicArn,
      BackupVaultName: this.backup.vault.backupVaultName,
      MailConfigurationSetName: this.mail.configurationSet.configurationSetName,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}

/** The certificate: the given one, or the one EdgeStack issues for the Route 53 zone. */
function webDomain(scope: Construct, domain: DomainSettings, edge: EdgeStack): WebDomain {
  if ('certificateArn' in domain)
    return {
      domainName: domain.domainName,
      certificate: acm.Certificate.fromCertificateArn(scope, 'Certificate', domain.certificateArn),
    };
  if (!edge.certificate) throw new Error('EdgeStack was built without the domain PlatformStack was given');
  return { domainName: domain.domainName, certificate: edge.certificate, hostedZone: domain.hostedZone };
}
