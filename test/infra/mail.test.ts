import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './support';
import { allows, roleStatements, synthPlatform, type PlatformFixture } from './support';

const zoneContext = {
  domainName: 'konkurs.example.pl',
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  hostedZoneName: 'example.pl',
};

let dev: PlatformFixture;
let withZone: PlatformFixture;
beforeAll(() => {
  dev = synthPlatform({ webDistPath: null });
  withZone = synthPlatform({ webDistPath: null, context: zoneContext });
}, 300_000);

describe('SES configuration set (issue 19 §4)', () => {
  it('keeps reputation metrics and the account-level suppression of bounces and complaints on', () => {
    for (const fx of [dev, withZone]) {
      fx.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
        ReputationOptions: { ReputationMetricsEnabled: true },
        SendingOptions: { SendingEnabled: true },
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
    }
  });

  it('publishes bounces and complaints (only) to an SNS topic encrypted with a rotated key SES may use', () => {
    const { template, id, stack } = dev;
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: id(stack.mail.configurationSet) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: id(stack.mail.feedback) } },
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [id(stack.mail.feedbackKey), 'Arn'] },
    });
    const key = dev.resource(stack.mail.feedbackKey).Properties;
    expect(key.EnableKeyRotation).toBe(true);
    const forSes = (key.KeyPolicy.Statement as { Principal?: { Service?: string }; Action: string[] }[]).filter(
      (s) => s.Principal?.Service === 'ses.amazonaws.com',
    );
    expect(forSes.map((s) => [s.Action].flat().sort())).toEqual([['kms:Decrypt', 'kms:GenerateDataKey*']]);
    // SES may publish to the topic (from this account's configuration set); publishing needs TLS.
    const policies = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));
    expect(policies).toContain('ses.amazonaws.com');
    expect(policies).toContain('aws:SecureTransport');
  });

  it('delivers the events to the jobs queue as SNS envelopes (raw delivery off), which SNS may send to', () => {
    const { template, id, stack } = dev;
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      TopicArn: { Ref: id(stack.mail.feedback) },
      Endpoint: { 'Fn::GetAtt': [id(stack.worker.jobs.queue), 'Arn'] },
      RawMessageDelivery: false,
    });
    const queuePolicies = JSON.stringify(template.findResources('AWS::SQS::QueuePolicy'));
    expect(queuePolicies).toContain('sns.amazonaws.com');
    expect(queuePolicies).toContain(id(stack.mail.feedback));
    // The worker accepts feedback from this topic only.
    const worker = template.toJSON().Resources[id(stack.worker.fn.function)].Properties.Environment.Variables;
    expect(worker.MAIL_FEEDBACK_TOPIC_ARN).toEqual({ Ref: id(stack.mail.feedback) });
  });

  it('names the configuration set to both functions and lets them send through it, only as the sender', () => {
    const { template, id, stack } = dev;
    for (const fn of [stack.api.fn, stack.worker.fn]) {
      const env = template.toJSON().Resources[id(fn.function)].Properties.Environment.Variables;
      expect(env.MAIL_CONFIGURATION_SET).toEqual({ Ref: id(stack.mail.configurationSet) });
      const statements = roleStatements(template, id(fn.role));
      const viaSet = allows(statements, 'ses:SendEmail', id(stack.mail.configurationSet));
      expect(viaSet).toHaveLength(1);
      expect(viaSet[0]?.resources.join()).toContain(':configuration-set/');
      expect(JSON.stringify(viaSet[0]?.conditions)).toContain('konkurs@urzad.example.pl');
    }
  });
});

describe('SES identity and DKIM', () => {
  it('without a domain, creates no identity (the sender is verified by hand)', () => {
    dev.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    dev.template.resourceCountIs('AWS::Route53::RecordSet', 0);
    expect(dev.stack.mail.identity).toBeUndefined();
  });

  it("with a domain, verifies the sender's domain with Easy DKIM (2048 bit) and the configuration set as default", () => {
    const { template, id, stack } = withZone;
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'urzad.example.pl',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: id(stack.mail.configurationSet) } },
    });
  });

  it('with a Route 53 zone, publishes the three DKIM CNAME records in it', () => {
    const { template, id, stack } = withZone;
    const identity = id(stack.mail.identity!);
    expect(stack.mail.dkimRecords).toHaveLength(3);
    for (const n of [1, 2, 3]) {
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Type: 'CNAME',
        HostedZoneId: zoneContext.hostedZoneId,
        Name: { 'Fn::GetAtt': [identity, `DkimDNSTokenName${n}`] },
        ResourceRecords: [{ 'Fn::GetAtt': [identity, `DkimDNSTokenValue${n}`] }],
      });
    }
  });

  it('with a domain and no mailFrom, sends as no-reply@<domain> and verifies that domain', () => {
    const fx = synthPlatform({ webDistPath: null, context: { ...zoneContext, mailFrom: '' } });
    fx.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'konkurs.example.pl' });
    const env = fx.template.toJSON().Resources[fx.id(fx.stack.api.fn.function)].Properties.Environment.Variables;
    expect(env.MAIL_FROM).toBe('no-reply@konkurs.example.pl');
  });

  it('with a domain and a certificate instead of a zone, verifies the domain but leaves DNS to the operator', () => {
    const fx = synthPlatform({
      webDistPath: null,
      context: {
        domainName: 'konkurs.example.pl',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
      },
    });
    fx.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    expect(fx.stack.mail.dkimRecords).toEqual([]);
  });

  it('is cdk-nag clean with a domain too', () => {
    const { app } = buildTestApp({ nagChecks: false, webDistPath: null, context: zoneContext });
    const findings = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.filter((v) => v.violatingResources.some((r) => r.constructPath?.includes('/Mail/')))
      .map((v) => v.ruleName);
    expect(findings).toEqual([]);
  });
});
