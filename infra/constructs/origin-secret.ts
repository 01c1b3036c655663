import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { originGenerationHeader, originSecretHeader } from '../../shared/http/middleware/origin-secret';
import { acknowledge } from './nag';

export interface OriginSecretProps {
  /** Context `originSecretGeneration` (default "1"): bumping it makes CloudFront send the secret's current value. */
  readonly generation: string;
  /** Context `originSecretAcceptPrevious`: the api also accepts the secret's AWSPREVIOUS value (during a rotation). */
  readonly acceptPrevious: boolean;
}

/**
 * The shared secret that proves a request to the API origin came through CloudFront. Secrets Manager
 * generates and keeps it; CloudFormation puts it, by dynamic reference, into CloudFront's origin header
 * and into the api function's environment, so the function never calls Secrets Manager (no SDK client,
 * no call on a cold start) and its role has no access to it. A dynamic reference is resolved when its
 * resource is created or updated: rotation is put-secret-value, then deploys that update first the
 * function (accepting both values), then the distribution, then the function again (docs/operations.md).
 */
export class OriginSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  readonly generation: string;
  readonly acceptPrevious: boolean;

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    this.generation = props.generation;
    this.acceptPrevious = props.acceptPrevious;
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Origin secret: CloudFront sends it to the API origin, the api function refuses requests without it',
      // Header-safe characters only.
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      // Nothing depends on its old value once a deploy has put the new one in both places.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'The origin secret lives in two places CloudFormation fills at deploy time (the CloudFront origin header and the api function environment), so a rotation Lambda changing the secret alone would lock CloudFront out; it is rotated by the documented put-secret-value plus three deploys, during which the function accepts both values.',
    );
  }

  private get current(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }

  /** The headers CloudFront adds to every request to the API origin. */
  originHeaders(): Record<string, string> {
    return { [originSecretHeader]: this.current, [originGenerationHeader]: this.generation };
  }

  /** The api function's ORIGIN_SECRET (and ORIGIN_SECRET_PREVIOUS while a rotation runs). */
  functionEnvironment(): Record<string, string> {
    const previous = SecretValue.secretsManager(this.secret.secretArn, { versionStage: 'AWSPREVIOUS' });
    return {
      ORIGIN_SECRET: this.current,
      ...(this.acceptPrevious ? { ORIGIN_SECRET_PREVIOUS: previous.unsafeUnwrap() } : {}),
    };
  }
}
