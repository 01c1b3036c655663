import { CfnOutput, DefaultStackSynthesizer, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { edgeRegion } from './settings';

export interface CiStackProps extends StackProps {
  /** `owner/name` of the GitHub repository whose workflow deploys (context `githubRepository`). */
  readonly repository: string;
  /** The GitHub environment of the deploy job allowed to use this account (context `githubEnvironment`). */
  readonly environment: string;
}

export const githubOidcHost = 'token.actions.githubusercontent.com';

/**
 * What .github/workflows/deploy.yml needs in one AWS account, deployed once by an administrator
 * (`npx cdk deploy PlatformCiStack -c githubRepository=… -c githubEnvironment=dev|prod`): GitHub's
 * OIDC provider and a role only that repository's jobs in that GitHub environment can assume, for an
 * hour, with no long-lived keys. The role may do one thing: assume the CDK bootstrap roles (deploy,
 * file publishing, lookup) of both regions, which hold the actual deployment permissions.
 */
export class CiStack extends Stack {
  readonly provider: iam.CfnOIDCProvider;
  readonly deployRole: iam.Role;

  constructor(scope: Construct, id: string, props: CiStackProps) {
    super(scope, id, props);
    if (!/^[\w.-]+\/[\w.-]+$/.test(props.repository))
      throw new Error(`CDK context "githubRepository" must be owner/name, got ${props.repository}`);
    if (!/^[\w-]+$/.test(props.environment))
      throw new Error(`CDK context "githubEnvironment" must be a GitHub environment name, got ${props.environment}`);

    this.provider = new iam.CfnOIDCProvider(this, 'GitHubOidc', {
      url: `https://${githubOidcHost}`,
      clientIdList: ['sts.amazonaws.com'],
    });
    this.deployRole = new iam.Role(this, 'DeployRole', {
      description: `GitHub Actions deploys of ${props.repository} (environment ${props.environment})`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.WebIdentityPrincipal(this.provider.attrArn, {
        StringEquals: {
          [`${githubOidcHost}:aud`]: 'sts.amazonaws.com',
          [`${githubOidcHost}:sub`]: `repo:${props.repository}:environment:${props.environment}`,
        },
      }),
    });
    const qualifier =
      (this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const bootstrapRoles = ['deploy-role', 'file-publishing-role', 'lookup-role'].flatMap((role) =>
      [this.region, edgeRegion].map(
        (region) =>
          `arn:${this.partition}:iam::${this.account}:role/cdk-${qualifier}-${role}-${this.account}-${region}`,
      ),
    );
    this.deployRole.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: bootstrapRoles }));
    // The value of the GitHub environment's AWS_DEPLOY_ROLE_ARN variable.
    new CfnOutput(this, 'DeployRoleArn', { value: this.deployRole.roleArn });
  }
}
