import type { Construct } from 'constructs';

/** A CDK context value as a string; undefined when unset or blank. */
export function contextString(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`CDK context "${key}" must be a string`);
  return value;
}

/** Where the platform runs when context `region` is not given. */
export const defaultRegion = 'eu-central-1';

/** CloudFront reads its certificate and web ACL from us-east-1 only. */
export const edgeRegion = 'us-east-1';

/**
 * The public domain, from context: `domainName` with either `hostedZoneId` (+ `hostedZoneName`,
 * default the domain itself: a certificate validated by DNS and alias records in that Route 53 zone)
 * or `certificateArn` (an issued us-east-1 certificate; the DNS record is the operator's).
 */
export type DomainSettings =
  | { readonly domainName: string; readonly hostedZone: { readonly id: string; readonly name: string } }
  | { readonly domainName: string; readonly certificateArn: string };

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const usEast1Certificate = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;

/** The domain settings, or undefined for a dev stage on the default *.cloudfront.net name; fails synth on a half-given domain. */
export function domainSettings(scope: Construct): DomainSettings | undefined {
  const domainName = contextString(scope, 'domainName')?.toLowerCase();
  const hostedZoneId = contextString(scope, 'hostedZoneId');
  const certificateArn = contextString(scope, 'certificateArn');
  if (!domainName) {
    if (hostedZoneId || certificateArn)
      throw new Error('CDK context "hostedZoneId" and "certificateArn" need "domainName" too');
    return undefined;
  }
  if (!hostName.test(domainName)) throw new Error(`CDK context "domainName" is not a host name: ${domainName}`);
  if (certificateArn) {
    if (!usEast1Certificate.test(certificateArn))
      throw new Error(
        'CDK context "certificateArn" must be an ACM certificate in us-east-1 (CloudFront reads only those)',
      );
    return { domainName, certificateArn };
  }
  if (!hostedZoneId)
    throw new Error('CDK context "domainName" needs "hostedZoneId" (a Route 53 zone) or "certificateArn"');
  const zoneName = (contextString(scope, 'hostedZoneName') ?? domainName).toLowerCase().replace(/\.$/, '');
  if (domainName !== zoneName && !domainName.endsWith(`.${zoneName}`))
    throw new Error(`CDK context "domainName" (${domainName}) is not inside "hostedZoneName" (${zoneName})`);
  return { domainName, hostedZone: { id: hostedZoneId, name: zoneName } };
}

/** The deployment stages (context `stage`); both can live in one account side by side. */
export const stages = ['dev', 'prod'] as const;
export type Stage = (typeof stages)[number];

/** Context `stage`: `dev` (default) or `prod`; anything else fails synth, as a typo must never deploy a third copy. */
export function stageOf(scope: Construct): Stage {
  const value = contextString(scope, 'stage') ?? 'dev';
  if (!(stages as readonly string[]).includes(value))
    throw new Error(`CDK context "stage" must be one of ${stages.join(', ')}, got ${value}`);
  return value as Stage;
}

/** The CloudFormation name of a stack in a stage: the construct id (what `cdk deploy` selects) plus the stage. */
export const stageStackName = (id: string, stage: Stage) => `${id}-${stage}`;

/** Context `tracing`: X-Ray active tracing on the functions, off unless `true` (docs/operations.md says why). */
export function tracingEnabled(scope: Construct): boolean {
  const value = contextString(scope, 'tracing') ?? 'false';
  if (value !== 'true' && value !== 'false')
    throw new Error(`CDK context "tracing" must be true or false, got ${value}`);
  return value === 'true';
}
