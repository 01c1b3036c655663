import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * A rate-based rule: at most `limit` matching requests per client address in a 5-minute window,
 * then 429 until the address slows down. The numbers sit above the app's own per-address limits
 * (docs/access-control.md), so a shared office address meets the app's friendlier 429 with
 * Retry-After first; these stop floods before they cost a Lambda call and a DynamoDB write.
 */
export interface EdgeRateLimit {
  readonly name: string;
  readonly limit: number;
  readonly method: 'POST' | 'PUT' | 'GET';
  /** Path conditions, matched after URL decoding (the app's router decodes too). */
  readonly paths: readonly { readonly match: 'EXACTLY' | 'STARTS_WITH' | 'ENDS_WITH'; readonly path: string }[];
  /** Whether any one path condition (default) or all of them must hold. */
  readonly combine?: 'any' | 'all';
}

export const edgeRateWindowSeconds = 300;

/** The rate-based rules (route paths from shared/http/route-table.ts); docs/access-control.md lists them. */
export const edgeRateLimits: readonly EdgeRateLimit[] = [
  { name: 'sign-in', limit: 100, method: 'POST', paths: [{ match: 'STARTS_WITH', path: '/api/auth/login' }] },
  { name: 'registration', limit: 20, method: 'POST', paths: [{ match: 'EXACTLY', path: '/api/institutions' }] },
  {
    name: 'password-reset',
    limit: 20,
    method: 'POST',
    paths: [
      { match: 'STARTS_WITH', path: '/api/auth/password-reset' },
      { match: 'STARTS_WITH', path: '/api/auth/verify-email/resend' },
    ],
  },
  {
    name: 'upload',
    limit: 200,
    method: 'POST',
    // POST /api/applications/:applicationId/attachments: the upload link
    paths: [
      { match: 'STARTS_WITH', path: '/api/applications/' },
      { match: 'ENDS_WITH', path: '/attachments' },
    ],
    combine: 'all',
  },
  {
    name: 'verification-lookup',
    limit: 100,
    method: 'GET',
    paths: [{ match: 'STARTS_WITH', path: '/api/public/certificates/' }],
  },
];

/** AWS managed rule groups, in evaluation order after the rate rules. */
export const managedRuleGroups = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const pathMatch = (p: EdgeRateLimit['paths'][number]): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: p.match,
    searchString: p.path,
    textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
  },
});

/** The method and the path conditions. */
function scopeDown(rule: EdgeRateLimit): wafv2.CfnWebACL.StatementProperty {
  const method: wafv2.CfnWebACL.StatementProperty = {
    byteMatchStatement: {
      fieldToMatch: { method: {} },
      positionalConstraint: 'EXACTLY',
      searchString: rule.method,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
  const paths = rule.paths.map(pathMatch);
  const path = paths.length === 1 || rule.combine === 'all' ? paths : [{ orStatement: { statements: paths } }];
  return { andStatement: { statements: [method, ...path] } };
}

/**
 * The CloudFront web ACL (scope CLOUDFRONT, so it lives in us-east-1): rate limits per client
 * address on the abuse-prone public routes, then AWS's IP reputation list, common rule set and known
 * bad inputs. Blocked requests are logged (and only those) to an `aws-waf-logs-` log group, with the
 * cookie header redacted: it carries the session.
 */
export class WebAcl extends Construct {
  readonly acl: wafv2.CfnWebACL;
  readonly logGroup: logs.LogGroup;
  /** The ACL's CloudWatch metric name, the `WebACL` dimension of its AWS/WAFV2 metrics; one per stack (stage). */
  readonly metricName: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.metricName = `${stack.stackName}-web-acl`.toLowerCase();
    const rateRules: wafv2.CfnWebACL.RuleProperty[] = edgeRateLimits.map((rule, index) => ({
      name: `rate-${rule.name}`,
      priority: index,
      action: { block: { customResponse: { responseCode: 429 } } },
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: rule.limit,
          evaluationWindowSec: edgeRateWindowSeconds,
          scopeDownStatement: scopeDown(rule),
        },
      },
      visibilityConfig: visibility(`rate-${rule.name}`),
    }));
    const managedRules: wafv2.CfnWebACL.RuleProperty[] = managedRuleGroups.map((name, index) => ({
      name,
      priority: rateRules.length + index,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          // Questionnaires are JSON bodies up to the app's 1 MiB limit (413 above it); the common rule
          // set would block every body over 8 KB, so that one rule only counts.
          ...(name === 'AWSManagedRulesCommonRuleSet'
            ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    }));

    this.acl = new wafv2.CfnWebACL(this, 'Acl', {
      description: 'Przyjazny Urzad platform: rate limits on public routes and AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [...rateRules, ...managedRules],
      visibilityConfig: visibility(this.metricName),
    });

    this.logGroup = new logs.LogGroup(this, 'BlockedRequests', {
      logGroupName: `aws-waf-logs-${stack.stackName}`.toLowerCase(),
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // WAF wants the log group's ARN without the `:*` suffix that LogGroup.logGroupArn carries.
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.acl.attrArn,
      logDestinationConfigs: [logGroupArn],
      redactedFields: [{ singleHeader: { Name: 'cookie' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          { Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] },
        ],
      },
    });
  }
}
