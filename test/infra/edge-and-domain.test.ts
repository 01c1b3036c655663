import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeRateLimits, edgeRateWindowSeconds, managedRuleGroups } from '../../infra/constructs/web-acl';
import { buildTestApp, logicalId } from './support';

const zoneContext = {
  domainName: 'konkurs.example.pl',
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  hostedZoneName: 'example.pl',
};
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** Both stacks' templates, cdk-nag off (cdk-nag.test.ts and the checks below run it). */
function synthBoth(context: Record<string, unknown> = {}) {
  const built = buildTestApp({ nagChecks: false, webDistPath: null, context });
  return { ...built, platform: Template.fromStack(built.stack), edgeTemplate: Template.fromStack(built.edge) };
}
type Built = ReturnType<typeof synthBoth>;

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON of any shape, read by assertions
type Json = any;

const distributionConfig = (b: Built): Record<string, Json> =>
  b.platform.toJSON().Resources[logicalId(b.stack.web.distribution)].Properties.DistributionConfig;

/** The edge output a Fn::GetStackOutput in the platform template reads, resolved to the edge's own value. */
function edgeOutput(b: Built, reference: unknown): unknown {
  const ref = reference as { 'Fn::GetStackOutput': { StackName: string; Region: string; OutputName: string } };
  expect(ref['Fn::GetStackOutput']).toMatchObject({ StackName: b.edge.stackName, Region: 'us-east-1' });
  return b.edgeTemplate.toJSON().Outputs[ref['Fn::GetStackOutput'].OutputName].Value;
}

const acknowledged = (root: IConstruct) =>
  root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((e) => e.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((e) => Object.keys(e.data as Record<string, string>))
      .map((id) => id.replace(/^annotation::/i, '')),
  );

const nagRules = (b: Built) => new AwsSolutionsChecks().validateScope(b.app).violations.map((v) => v.ruleName);

let dev: Built;
let withZone: Built;
beforeAll(() => {
  dev = synthBoth();
  withZone = synthBoth(zoneContext);
}, 300_000);

describe('stacks and regions', () => {
  it('puts the edge in us-east-1 and the platform in the context region, default eu-central-1', () => {
    expect(dev.edge.region).toBe('us-east-1');
    expect(dev.stack.region).toBe('eu-central-1');
    expect(dev.stack.dependencies).toContain(dev.edge);
    const elsewhere = buildTestApp({ nagChecks: false, webDistPath: null, context: { region: 'eu-west-1' } });
    expect(elsewhere.stack.region).toBe('eu-west-1');
    expect(elsewhere.edge.region).toBe('us-east-1');
  });

  it('refuses a half-given or malformed domain at synth', () => {
    const build = (context: Record<string, unknown>) => () =>
      buildTestApp({ nagChecks: false, webDistPath: null, context });
    expect(build({ domainName: 'konkurs.example.pl' })).toThrow(/hostedZoneId.*certificateArn/);
    expect(build({ hostedZoneId: 'Z1' })).toThrow(/need "domainName"/);
    expect(build({ domainName: 'not a host', hostedZoneId: 'Z1' })).toThrow(/not a host name/);
    expect(build({ ...zoneContext, hostedZoneName: 'other.pl' })).toThrow(/not inside/);
    expect(
      build({ domainName: 'konkurs.example.pl', certificateArn: certificateArn.replace('us-east-1', 'eu-central-1') }),
    ).toThrow(/us-east-1/);
  });
});

describe('custom domain and TLS', () => {
  it('without a domain: the *.cloudfront.net name, no certificate, CFR4 acknowledged', () => {
    const config = distributionConfig(dev);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    dev.edgeTemplate.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    dev.platform.resourceCountIs('AWS::Route53::RecordSet', 0);
    expect(acknowledged(dev.app)).toContain('AwsSolutions-CFR4');
  });

  it('with a Route 53 zone: a DNS-validated us-east-1 certificate, TLS 1.2 (2021), alias records, the domain as origin', () => {
    withZone.edgeTemplate.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'konkurs.example.pl',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'konkurs.example.pl', HostedZoneId: zoneContext.hostedZoneId }],
    });
    const config = distributionConfig(withZone);
    expect(config.Aliases).toEqual(['konkurs.example.pl']);
    expect(config.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const certificateId = logicalId(withZone.edge.certificate!);
    expect(edgeOutput(withZone, config.ViewerCertificate.AcmCertificateArn)).toEqual({ Ref: certificateId });

    for (const Type of ['A', 'AAAA']) {
      withZone.platform.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'konkurs.example.pl.',
        Type,
        HostedZoneId: zoneContext.hostedZoneId,
        AliasTarget: { DNSName: { 'Fn::GetAtt': [logicalId(withZone.stack.web.distribution), 'DomainName'] } },
      });
    }
    const env =
      withZone.platform.toJSON().Resources[logicalId(withZone.stack.api.fn.function)].Properties.Environment.Variables;
    expect(env.PUBLIC_ORIGIN).toBe('https://konkurs.example.pl');
  });

  it('with a domain, no CFR4 acknowledgement, and cdk-nag finds nothing', () => {
    expect(acknowledged(withZone.app)).not.toContain('AwsSolutions-CFR4');
    expect(nagRules(withZone)).toEqual([]);
  });

  it('with an existing certificate: that ARN, no certificate or DNS record of ours', () => {
    const b = synthBoth({ domainName: 'konkurs.example.pl', certificateArn });
    const config = distributionConfig(b);
    expect(config.Aliases).toEqual(['konkurs.example.pl']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    b.edgeTemplate.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    b.platform.resourceCountIs('AWS::Route53::RecordSet', 0);
    expect(acknowledged(b.app)).not.toContain('AwsSolutions-CFR4');
  });
});

describe('WAF', () => {
  const acl = (): Record<string, Json> =>
    dev.edgeTemplate.toJSON().Resources[logicalId(dev.edge.webAcl.acl)].Properties;

  it('is a CLOUDFRONT web ACL attached to the distribution', () => {
    expect(acl().Scope).toBe('CLOUDFRONT');
    expect(acl().DefaultAction).toEqual({ Allow: {} });
    expect(edgeOutput(dev, distributionConfig(dev).WebACLId)).toEqual({
      'Fn::GetAtt': [logicalId(dev.edge.webAcl.acl), 'Arn'],
    });
    expect(acknowledged(dev.app)).not.toContain('AwsSolutions-CFR2');
  });

  it('runs the AWS managed groups, with only the 8 KB body-size rule of the common set counting', () => {
    const rules = acl().Rules as { Name: string; OverrideAction?: unknown; Statement: Record<string, Json> }[];
    for (const name of managedRuleGroups) {
      const rule = rules.find((r) => r.Name === name);
      expect(rule?.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: name });
      expect(rule?.OverrideAction).toEqual({ None: {} });
    }
    const common = rules.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet')!.Statement.ManagedRuleGroupStatement;
    expect(common.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('limits sign-in, registration, password reset, upload and verification lookups per address, with 429', () => {
    const rules = acl().Rules as { Name: string; Priority: number; Action?: Json; Statement: Record<string, Json> }[];
    const rate = rules.filter((r) => r.Statement.RateBasedStatement);
    expect(rate.map((r) => r.Name)).toEqual([
      'rate-sign-in',
      'rate-registration',
      'rate-password-reset',
      'rate-upload',
      'rate-verification-lookup',
    ]);
    // Rate rules come before the managed groups.
    const firstManaged = Math.min(...rules.filter((r) => !r.Statement.RateBasedStatement).map((r) => r.Priority));
    for (const r of rate) expect(r.Priority).toBeLessThan(firstManaged);
    for (const [i, r] of rate.entries()) {
      const expected = edgeRateLimits[i]!;
      expect(r.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
      expect(r.Statement.RateBasedStatement).toMatchObject({
        AggregateKeyType: 'IP',
        Limit: expected.limit,
        EvaluationWindowSec: edgeRateWindowSeconds,
      });
      const text = JSON.stringify(r.Statement.RateBasedStatement.ScopeDownStatement);
      expect(text).toContain(`"SearchString":"${expected.method}"`);
      for (const p of expected.paths) expect(text).toContain(`"SearchString":"${p.path}"`);
      expect(text).toContain('URL_DECODE');
    }
    const scope = (name: string) => rate.find((r) => r.Name === name)!.Statement.RateBasedStatement.ScopeDownStatement;
    expect(JSON.stringify(scope('rate-password-reset'))).toContain('OrStatement');
    expect(JSON.stringify(scope('rate-upload'))).not.toContain('OrStatement'); // the prefix AND the suffix
  });

  it('logs blocked requests only, to an aws-waf-logs- group, without the session cookie', () => {
    const logGroup = dev.edgeTemplate.toJSON().Resources[logicalId(dev.edge.webAcl.logGroup)];
    expect(logGroup.Properties.LogGroupName).toMatch(/^aws-waf-logs-/);
    expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    dev.edgeTemplate.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [logicalId(dev.edge.webAcl.acl), 'Arn'] },
      RedactedFields: [{ SingleHeader: { Name: 'cookie' } }],
      LoggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          { Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] },
        ],
      },
    });
    const destination = JSON.stringify(dev.edgeTemplate.findResources('AWS::WAFv2::LoggingConfiguration'));
    expect(destination).toContain(':log-group:');
    expect(destination).not.toContain(':*');
  });
});
