import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JWK } from 'jose';
import * as z from 'zod/mini';
import { jwtClaims, type OpenBadgeCredential } from '../certificates/credential';

/**
 * The key that signs Open Badges credentials (issue 15 §7): KMS in the cloud (the private key never
 * leaves it, credential-signer-kms.ts), a generated key under `.data/` locally. A signer only signs
 * bytes (RSASSA-PKCS1-v1_5 with SHA-256, i.e. RS256) and names its public key; the JWS is put
 * together here, so any signer gives the same token shape.
 *
 * jose is imported only where it is used (`await import`): the API loads this module for the JWKS
 * route, and a cold start that signs nothing should not pay for jose.
 */
export interface CredentialSigner {
  /** RFC 7638 thumbprint of the public key: the JWS `kid` and the JWKS entry's `kid`. */
  kid(): Promise<string>;
  publicJwk(): Promise<PublicSigningJwk>;
  /** RSASSA-PKCS1-v1_5 SHA-256 signature of `signingInput`. */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

/** A public key as the JWKS publishes it. */
export type PublicSigningJwk = JWK & { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };

const MIN_MODULUS_BITS = 2048;

/** The published JWK of an RSA public key, its kid the RFC 7638 SHA-256 thumbprint. */
export async function publicSigningJwk(publicKey: KeyObject): Promise<PublicSigningJwk> {
  if (publicKey.asymmetricKeyType !== 'rsa') throw new Error('A credential signing key must be an RSA key');
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS) throw new Error(`A credential signing key needs at least ${MIN_MODULUS_BITS} bits`);
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('The RSA public key has no modulus or exponent');
  const { calculateJwkThumbprint } = await import('jose');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e }, 'sha256');
  return { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' };
}

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/**
 * The credential as a VC-JWT (OB 3.0 §8.2): compact JWS, header `{ alg: RS256, typ: JWT, kid }`,
 * payload the credential itself plus the registered claims mapped from it. RS256 signatures are
 * deterministic, so the same credential and key give the same token.
 */
export async function signVcJwt(signer: CredentialSigner, credential: OpenBadgeCredential): Promise<string> {
  const header = { alg: 'RS256', typ: 'JWT', kid: await signer.kid() };
  const payload = { ...credential, ...jwtClaims(credential) };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = await signer.sign(new TextEncoder().encode(signingInput));
  if (signature.length === 0) throw new Error('The credential signer returned an empty signature');
  return `${signingInput}.${base64url(signature)}`;
}

/** A signer over a private RSA JWK held in memory (the local key file, tests). */
export function memorySigner(privateJwk: JWK): CredentialSigner {
  const privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  let published: Promise<PublicSigningJwk> | undefined;
  const jwk = () => {
    published ??= publicSigningJwk(createPublicKey(privateKey));
    return published;
  };
  return {
    kid: async () => (await jwk()).kid,
    publicJwk: jwk,
    sign: async (signingInput) => new Uint8Array(sign('sha256', signingInput, privateKey)),
  };
}

/** A new RS256 key pair (2048 bits), returned as its private JWK. */
export async function generateSigningKey(): Promise<JWK> {
  const { exportJWK, generateKeyPair } = await import('jose');
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: MIN_MODULUS_BITS, extractable: true });
  return exportJWK(privateKey);
}

const PrivateRsaJwk = z.object({
  kty: z.literal('RSA'),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
});

/** The key file's JWK, or undefined when there is no file yet. Errors never quote the file (it is a private key). */
async function readKeyFile(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The credential signing key file ${path} is not JSON`);
  }
  const result = PrivateRsaJwk.safeParse(parsed);
  if (!result.success) throw new Error(`The credential signing key file ${path} does not hold a private RSA JWK`);
  return result.data;
}

/**
 * Creates the key file once, race-safe like fileSecret: the key is written whole to a private
 * temporary file and then hard-linked into place, which fails with EEXIST when another process got
 * there first — then that process's key is the one read. (Writing the target itself with 'wx' would
 * let a concurrent reader see a half-written file.)
 */
async function createKeyFile(path: string): Promise<void> {
  const jwk = await generateSigningKey();
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won the race
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Local mode: the signing key is generated on first use into `path` (mode 0600) and reused after. */
export function fileSigner(path: string): CredentialSigner {
  let loaded: Promise<CredentialSigner> | undefined;
  const signer = () => {
    loaded ??= (async () => {
      const existing = await readKeyFile(path);
      if (existing) return memorySigner(existing);
      await createKeyFile(path);
      const winner = await readKeyFile(path);
      if (!winner) throw new Error(`The credential signing key file ${path} vanished after it was created`);
      return memorySigner(winner);
    })().catch((error: unknown) => {
      loaded = undefined; // a failed load is retried by the next caller
      throw error;
    });
    return loaded;
  };
  return {
    kid: async () => (await signer()).kid(),
    publicJwk: async () => (await signer()).publicJwk(),
    sign: async (signingInput) => (await signer()).sign(signingInput),
  };
}
