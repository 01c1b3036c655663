import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The address and domain of a From header value; SES authorises sending per verified identity. */
export function mailIdentity(mailFrom: string): { address: string; domain: string } {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  const match = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(address);
  if (!match?.[1]) throw new Error(`mailFrom must be an e-mail address, got "${mailFrom}"`);
  return { address, domain: match[1].toLowerCase() };
}

/**
 * Lets a function's role send mail from exactly this sender: SendEmail on the address's and its
 * domain's SES identities (either may be the verified one), conditioned on the From address.
 */
export function grantSendMail(role: iam.IRole, mailFrom: string): void {
  const { address, domain } = mailIdentity(mailFrom);
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [domain, address].map((name) =>
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
      ),
      conditions: { StringEquals: { 'ses:FromAddress': address } },
    }),
  );
}

export interface MailProps {
  /** The From header value the functions send with (context `mailFrom`). */
  readonly mailFrom: string;
  /**
   * The public domain's Route 53 zone, when there is one: the sender's domain identity (created when
   * `verifyDomain` is set) gets its Easy DKIM records there if the domain lies inside the zone.
   */
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** Create the SES identity of the sender's domain (with a configured public domain); otherwise it is verified by hand. */
  readonly verifyDomain: boolean;
}

/** SES's feedback the platform acts on: a permanent bounce or a complaint suppresses the address (shared/mail/). */
export const mailFeedbackEvents = [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT];

/**
 * SES done properly (issue 19 §4): a configuration set every mail names (reputation metrics, the
 * account-level suppression list kept on for bounces and complaints), whose bounce and complaint events
 * go to an encrypted SNS topic; with a public domain, the sender domain's identity with Easy DKIM.
 * The topic is delivered to the jobs queue (`deliverFeedbackTo`), so the worker records the suppression
 * with the queue's retries and dead-letter queue (docs/operations.md, "Mail (SES)").
 */
export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedback: sns.Topic;
  readonly feedbackKey: kms.Key;
  readonly identity: ses.EmailIdentity | undefined;
  readonly dkimRecords: route53.CfnRecordSet[] = [];
  private readonly mailFrom: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    const { domain } = mailIdentity(props.mailFrom);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // SES's own account-level list stays in force: it refuses addresses that bounced or complained anywhere.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // A customer managed key: SES publishes only to topics whose key policy lets it (the AWS managed aws/sns key cannot).
    this.feedbackKey = new kms.Key(this, 'FeedbackKey', {
      description: 'Encrypts the SES bounce and complaint events of the Przyjazny Urzad platform (SNS topic)',
      enableKeyRotation: true,
    });
    const stack = Stack.of(this);
    this.feedbackKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.feedback = new sns.Topic(this, 'Feedback', {
      displayName: 'Przyjazny Urzad SES bounces and complaints',
      masterKey: this.feedbackKey,
      enforceSSL: true,
    });
    new ses.ConfigurationSetEventDestination(this, 'FeedbackDestination', {
      configurationSet: this.configurationSet,
      destination: ses.EventDestination.snsTopic(this.feedback),
      events: mailFeedbackEvents,
    });

    if (props.verifyDomain) {
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: ses.Identity.domain(domain),
        dkimSigning: true,
        dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
        // Mail sent without naming a configuration set is still tracked by this one.
        configurationSet: this.configurationSet,
      });
      const zone = props.hostedZone;
      if (zone && (domain === zone.name || domain.endsWith(`.${zone.name}`))) {
        // The token names are already fully qualified (…_domainkey.<domain>), so they are not made relative to the zone.
        this.identity.dkimRecords.forEach((record, i) => {
          this.dkimRecords.push(
            new route53.CfnRecordSet(this, `Dkim${i + 1}`, {
              hostedZoneId: zone.id,
              name: record.name,
              type: 'CNAME',
              resourceRecords: [record.value],
              ttl: '1800',
            }),
          );
        });
      }
    }
  }

  /**
   * Bounce and complaint events, as SNS notifications (raw delivery off: the SQS body is SNS's JSON
   * envelope with the SES event in `Message`, which the worker tells apart from a job by `Type` and
   * `TopicArn`), onto the jobs queue.
   */
  deliverFeedbackTo(queue: sqs.IQueue): void {
    this.feedback.addSubscription(new subscriptions.SqsSubscription(queue, { rawMessageDelivery: false }));
  }

  /**
   * Lets a function send through the configuration set (SES v2 authorises the configuration-set
   * resource as well as the identity) and tells it the set's name (MAIL_CONFIGURATION_SET).
   */
  allowSending(role: iam.IRole, fn: lambda.Function): void {
    const { address } = mailIdentity(this.mailFrom);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': address } },
      }),
    );
    fn.addEnvironment('MAIL_CONFIGURATION_SET', this.configurationSet.configurationSetName);
  }
}
