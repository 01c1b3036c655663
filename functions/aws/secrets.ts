import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Config } from '../../shared/config';
import { lazy } from '../../shared/platform/lazy';
import type { SecretSource } from '../../shared/platform/secrets';
import { secretsManagerSecret } from '../../shared/platform/secrets-aws';

/** Secrets Manager for the api: loaded as its own chunk on the first request that needs a key (functions/cloud-deps.ts). */
export function secretsAdapter(config: Config): SecretSource {
  return secretsManagerSecret(
    lazy(() => new SecretsManagerClient({ region: config.region })),
    config.appSecretArn,
  );
}
