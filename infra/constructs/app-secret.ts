import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** The platform's one root secret; shared/platform/secrets.ts derives every purpose key from it with HKDF. */
export class AppSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Root secret of the Przyjazny Urzad platform (session, token and cursor keys are derived from it)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Losing it would sign every user out and invalidate every emailed link.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'The root secret has no rotation Lambda: rotating it re-derives every HKDF key at once (all sessions, emailed tokens and list cursors become invalid), so it is rotated by hand in a maintenance window following docs/operations.md.',
    );
  }
}
