import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The key that signs Open Badges credentials (issue 15 §7): an asymmetric RSA_2048 SIGN_VERIFY key in
 * KMS, so the private key never leaves KMS and never appears in code, configuration or logs. Only
 * the jobs worker signs (shared/platform/credential-signer-kms.ts); the public key is published in
 * the platform's JWKS, which keeps every key it ever signed with, so a new key (rotation) leaves
 * earlier credentials verifiable. See docs/operations.md, "Rotating the credential signing key".
 */
export class CredentialKey extends Construct {
  readonly key: kms.Key;
  readonly alias: kms.Alias;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Signs the Open Badges 3.0 credentials (VC-JWT, RS256) of the Przyjazny Urzad certificates',
      keySpec: kms.KeySpec.RSA_2048,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      // Deleting it would leave nothing that signs; its public key stays published for old credentials anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.alias = new kms.Alias(this, 'Alias', {
      aliasName: `alias/${Stack.of(this).stackName}-credentials`,
      targetKey: this.key,
    });
  }

  /** Sign and read the public key: nothing else (no Verify, no key administration). */
  grantSign(grantee: iam.IGrantable): iam.Grant {
    return this.key.grant(grantee, 'kms:Sign', 'kms:GetPublicKey');
  }
}
