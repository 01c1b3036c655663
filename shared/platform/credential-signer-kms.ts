import { createHash, createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { callAws } from './aws-errors';
import { type CredentialSigner, type PublicSigningJwk, publicSigningJwk } from './credential-signer';

const ALGORITHM = 'RSASSA_PKCS1_V1_5_SHA_256';

/**
 * The cloud signer: an asymmetric KMS key (RSA_2048, SIGN_VERIFY). The private key never leaves KMS.
 *
 * KMS signs at most 4096 bytes of RAW message, and a credential's JWS signing input (institution
 * name, descriptions, a distinction's reason, all base64url) can pass that. So the SHA-256 digest is
 * computed here and sent as a DIGEST: KMS then signs exactly what RAW would have (PKCS#1 v1.5 over
 * the SHA-256 DigestInfo), for any size, and the certificate's text is never sent to KMS.
 *
 * The public key is fetched once per warm function and cached; a failed fetch is retried by the
 * next caller. `keyId` should be the key ARN (an alias could be re-pointed under a cached kid).
 */
export function kmsSigner(client: () => KMSClient, keyId: string): CredentialSigner {
  let published: Promise<PublicSigningJwk> | undefined;
  const jwk = () => {
    published ??= fetchPublicJwk(client, keyId).catch((error: unknown) => {
      published = undefined;
      throw error;
    });
    return published;
  };
  return {
    kid: async () => (await jwk()).kid,
    publicJwk: jwk,
    async sign(signingInput) {
      const digest = createHash('sha256').update(signingInput).digest();
      const out = await callAws('The credential signing key', () =>
        client().send(
          new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: ALGORITHM }),
        ),
      );
      if (!out.Signature || out.Signature.length === 0) throw new Error(`KMS returned no signature for key ${keyId}`);
      return out.Signature;
    },
  };
}

async function fetchPublicJwk(client: () => KMSClient, keyId: string): Promise<PublicSigningJwk> {
  const out = await callAws('The credential signing key', () =>
    client().send(new GetPublicKeyCommand({ KeyId: keyId })),
  );
  if (!out.PublicKey) throw new Error(`KMS returned no public key for key ${keyId}`);
  if (out.KeyUsage !== 'SIGN_VERIFY' || !out.SigningAlgorithms?.includes(ALGORITHM)) {
    throw new Error(`KMS key ${keyId} (${out.KeySpec ?? 'unknown spec'}) cannot sign with ${ALGORITHM}`);
  }
  // SubjectPublicKeyInfo DER, as KMS returns it.
  const publicKey = createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' });
  return publicSigningJwk(publicKey);
}
