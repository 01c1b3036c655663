import type { Store } from '../store/store';
import type { CredentialSigner } from '../platform/credential-signer';
import type { Certificate } from './certificate';
import { registerCredentialKey } from './certificate-store';
import { credentialKeyUrl, openBadgeCredential } from './credential';
import type { CredentialIssuer } from './process-certificate-job';

/**
 * The worker's credential issuer (issue 15 §6): the certificate's OB 3.0 credential, signed as a VC-JWT
 * with the platform's key. The key's public half is recorded on first use, so the JWKS keeps every key
 * a credential was ever signed with (rotation leaves earlier credentials verifiable).
 */
export function credentialIssuer(deps: {
  store: Store;
  signer: CredentialSigner;
  origin: string;
  now: () => Date;
}): CredentialIssuer {
  let registered: Promise<void> | undefined;
  const register = () => {
    registered ??= deps.signer
      .publicJwk()
      .then((jwk) => registerCredentialKey(deps.store, { ...jwk, kid: String(jwk.kid) }, deps.now().toISOString()))
      .catch((error: unknown) => {
        registered = undefined;
        throw error;
      });
    return registered;
  };
  // OB 3.0 §8.2: the header's kid is a URI a verifier dereferences to the JWK (served per key).
  const signer: CredentialSigner = {
    kid: async () => credentialKeyUrl(deps.origin, await deps.signer.kid()),
    publicJwk: () => deps.signer.publicJwk(),
    sign: (input) => deps.signer.sign(input),
  };
  return {
    async issue(cert: Certificate) {
      await register();
      const credential = openBadgeCredential({ data: cert.data, origin: deps.origin, editionId: cert.editionId });
      const { signVcJwt } = await import('../platform/credential-signer');
      const jwt = await signVcJwt(signer, credential);
      return { json: `${JSON.stringify(credential, null, 2)}\n`, jwt };
    },
  };
}
