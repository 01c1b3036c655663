import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { callAws } from './aws-errors';
import type { SecretSource } from './secrets';

export function secretsManagerSecret(client: () => SecretsManagerClient, secretId: string): SecretSource {
  return {
    async rootSecret() {
      const out = await callAws('The secret store', () =>
        client().send(new GetSecretValueCommand({ SecretId: secretId })),
      );
      if (!out.SecretString) throw new Error(`Secret ${secretId} has no string value`);
      return out.SecretString;
    },
  };
}
