import { beforeAll, describe, expect, it } from 'vitest';
import { allows, roleStatements, synthPlatform, type PlatformFixture } from './support';

let fx: PlatformFixture;
beforeAll(() => {
  fx = synthPlatform();
}, 300_000);

describe('credential signing key', () => {
  const keyId = () => fx.id(fx.stack.credentialKey.key);

  it('is an asymmetric RSA_2048 SIGN_VERIFY key in KMS, retained with the stack', () => {
    const keys = fx.template.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'RSA_2048' } });
    expect(Object.keys(keys)).toEqual([keyId()]);
    const key = keys[keyId()]!;
    expect(key.Properties).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(key.Properties.EnableKeyRotation).not.toBe(true); // KMS cannot rotate asymmetric keys
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.UpdateReplacePolicy).toBe('Retain');
    fx.template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/PlatformStack-dev-credentials', // the stack name carries the stage
      TargetKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
    });
  });

  it('the worker gets the key ARN and may Sign and GetPublicKey on it, nothing more', () => {
    const worker = fx.resource(fx.stack.worker.fn.function);
    expect(worker.Properties.Environment.Variables.CREDENTIAL_KEY_ID).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
    const statements = roleStatements(fx.template, fx.id(fx.stack.worker.fn.role));
    expect(allows(statements, 'kms:Sign', keyId())).not.toEqual([]);
    expect(allows(statements, 'kms:GetPublicKey', keyId())).not.toEqual([]);
    const onKey = statements.filter((s) => s.resources.some((r) => r.includes(keyId())));
    expect(onKey.flatMap((s) => s.actions).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
  });

  it('no other role can sign with it, and the api does not get its id', () => {
    const workerRole = fx.id(fx.stack.worker.fn.role);
    const roles = Object.keys(fx.template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(1);
    const signers = roles.filter((role) => allows(roleStatements(fx.template, role), 'kms:Sign', keyId()).length > 0);
    expect(signers).toEqual([workerRole]);
    const api = fx.resource(fx.stack.api.fn.function);
    expect(api.Properties.Environment.Variables.CREDENTIAL_KEY_ID).toBeUndefined();
  });
});
