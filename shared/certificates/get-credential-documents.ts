import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findCredentialKey, listCredentialKeys, listEditionCertificates } from './certificate-store';
import {
  credentialKeyUrl,
  type IssuerProfileDocument,
  issuerProfile,
  type RevocationList,
  revocationList,
} from './credential';

/**
 * The public Open Badges documents (issue 15 §6) a third-party verifier dereferences from a credential:
 * the issuer's profile, its public keys and an edition's revocation list. Read-only and the same for
 * everyone; these small readers share a file because they are one feature's three URLs.
 */
export const getIssuerProfile = (deps: Pick<Deps, 'settings'>): IssuerProfileDocument =>
  issuerProfile(deps.settings.publicOrigin);

/**
 * Every public key a credential was ever signed with (rotation keeps earlier credentials verifiable),
 * each named by the URL credentials carry as their `kid`.
 */
export async function getCredentialKeys(
  deps: Pick<Deps, 'store' | 'settings'>,
): Promise<{ keys: Record<string, unknown>[] }> {
  const keys = await listCredentialKeys(deps.store);
  return { keys: keys.map((jwk) => ({ ...jwk, kid: credentialKeyUrl(deps.settings.publicOrigin, String(jwk.kid)) })) };
}

/** One public key, at the URL a credential's `kid` names. */
export async function getCredentialKey(
  deps: Pick<Deps, 'store' | 'settings'>,
  input: { kid: string },
): Promise<Record<string, unknown>> {
  const jwk = await findCredentialKey(deps.store, input.kid);
  if (!jwk) throw new AppError('NOT_FOUND', 'No such key');
  return { ...jwk, kid: credentialKeyUrl(deps.settings.publicOrigin, input.kid) };
}

/**
 * The edition's revocation list: revoked certificates with their reason, and superseded ones (a re-issue
 * replaced them, so their credential no longer stands) naming the new code. An edition with no
 * certificates (or no such edition) has an empty list.
 */
export async function getRevocationList(
  deps: Pick<Deps, 'store' | 'settings'>,
  input: { editionId: string },
): Promise<RevocationList> {
  const certificates = await listEditionCertificates(deps.store, input.editionId);
  const withdrawn = certificates.flatMap((c) => {
    if (c.status === 'revoked' && c.revoked) return [{ code: c.code, reason: c.revoked.reason, at: c.revoked.at }];
    if (c.status === 'superseded' && c.supersededBy)
      return [{ code: c.code, reason: `Zastąpiony certyfikatem ${c.supersededBy}`, at: c.renderedAt ?? c.createdAt }];
    return [];
  });
  return revocationList(deps.settings.publicOrigin, input.editionId, withdrawn);
}
