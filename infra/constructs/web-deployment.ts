import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Stack, Token } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, objectWildcardFinding } from './nag';

export interface WebDeploymentProps {
  /** A built web/dist directory (must contain index.html). */
  readonly distPath: string;
  readonly bucket: s3.IBucket;
  readonly distribution: cloudfront.IDistribution;
}

/** True when `distPath` holds a web build that can be deployed. */
export const hasWebBuild = (distPath: string): boolean => existsSync(join(distPath, 'index.html'));

/**
 * Uploads the Vite build in two passes. Content-hashed files under assets/ are immutable and never
 * pruned, so a browser still holding the previous index.html can load its assets. Everything else
 * (index.html, icons) is revalidated on each use, goes second (a new index.html never points at
 * missing assets) and is followed by a CloudFront invalidation.
 */
export class WebDeployment extends Construct {
  readonly deployments: s3deploy.BucketDeployment[];
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: WebDeploymentProps) {
    super(scope, id);
    // Own role and log group instead of the AWS managed AWSLambdaBasicExecutionRole.
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the web build to the web bucket and invalidates CloudFront',
    });
    logGroup.grantWrite(this.role);

    const source = s3deploy.Source.asset(props.distPath);
    const common = { sources: [source], destinationBucket: props.bucket, role: this.role, logGroup };
    const assets = new s3deploy.BucketDeployment(this, 'HashedAssets', {
      ...common,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const entry = new s3deploy.BucketDeployment(this, 'EntryFiles', {
      ...common,
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });
    entry.node.addDependency(assets);
    this.deployments = [assets, entry];
    this.acknowledgeCdkHandler(props.bucket);
  }

  /** The permissions and runtime below are chosen by aws-cdk-lib's BucketDeployment, not by us. */
  private acknowledgeCdkHandler(bucket: s3.IBucket): void {
    const stack = Stack.of(this);
    const qualifier =
      (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CDK's literal ${Qualifier} placeholder, replaced here
    // The stack's region (and account, when the CLI knows it) are concrete, so the name holds them literally.
    const literal = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);
    const assetBucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace('${Qualifier}', qualifier)
      .replace('${AWS::AccountId}', literal(stack.account, '<AWS::AccountId>'))
      .replace('${AWS::Region}', literal(stack.region, '<AWS::Region>'))
      .replace(/\$\{/g, '<')
      .replace(/\}/g, '>');
    const readAsset =
      "BucketDeployment reads the build zip that cdk deploy uploaded to the CDK bootstrap asset bucket, through aws-cdk-lib's Asset.grantRead";
    const syncWeb =
      "BucketDeployment runs `aws s3 sync --delete` into the web bucket, through aws-cdk-lib's grantReadWrite on the bucket's objects";
    const findings: Record<string, string> = {
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${readAsset} and ${syncWeb}.`,
      'AwsSolutions-IAM5[Action::s3:GetObject*]': `${readAsset} and ${syncWeb}.`,
      'AwsSolutions-IAM5[Action::s3:List*]': `${readAsset} and ${syncWeb}.`,
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${assetBucket}/*]`]: `${readAsset}; its object key is only known at deploy time.`,
      'AwsSolutions-IAM5[Action::s3:Abort*]': `${syncWeb}.`,
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${syncWeb}; deleting is how stale entry files are pruned.`,
      [objectWildcardFinding(bucket)]: `${syncWeb}; the file names come from the Vite build.`,
      'AwsSolutions-IAM5[Resource::*]':
        'aws-cdk-lib grants the deployment handler cloudfront:CreateInvalidation/GetInvalidation on *; the actions only expire cached copies of the public web app.',
    };
    for (const [id, reason] of Object.entries(findings)) acknowledge(this.role, id, reason);

    // The handler is a stack-level singleton shared by both deployments; its Python runtime is fixed by aws-cdk-lib.
    const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found; aws-cdk-lib changed how it names it');
    acknowledge(
      handler,
      'AwsSolutions-L1',
      "This is aws-cdk-lib's own BucketDeployment handler; its Python runtime is chosen and updated by aws-cdk-lib (it runs only during deployments, never on a request path).",
    );
  }
}
