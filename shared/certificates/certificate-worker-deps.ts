import type { Deps } from '../deps';
import type { CredentialSigner } from '../platform/credential-signer';
import { lazy } from '../platform/lazy';
import { credentialIssuer } from './credential-issuer';
import type { ProcessCertificateJobDeps } from './process-certificate-job';
import { CertificateRenderer } from './render-certificate';

/**
 * What the certificate jobs need, built once per worker: the renderer (fonts parsed once) and the
 * credential issuer over the platform's signing key. Shared by the cloud worker, the local server
 * and the tests, so all three render and sign the same way.
 */
export function certificateWorkerDeps(
  base: Pick<Deps, 'store' | 'clock' | 'logger'> & { blobs: Pick<Deps['blobs'], 'certificates'> },
  signer: () => CredentialSigner,
  origin: string,
): ProcessCertificateJobDeps {
  const renderer = lazy(() => CertificateRenderer.create());
  const credentials = lazy(async () =>
    credentialIssuer({ store: base.store, signer: signer(), origin, now: () => base.clock.now() }),
  );
  return { ...base, renderer, credentials };
}
