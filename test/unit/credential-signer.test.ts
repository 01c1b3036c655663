import { createHash, generateKeyPairSync, type KeyObject, privateEncrypt, constants } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand, type SignCommandInput } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { createLocalJWKSet, decodeProtectedHeader, errors, exportJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBadgeCredential, type OpenBadgeCredential } from '../../shared/certificates/credential';
import { AppError } from '../../shared/errors';
import {
  type CredentialSigner,
  fileSigner,
  generateSigningKey,
  memorySigner,
  signVcJwt,
} from '../../shared/platform/credential-signer';
import { kmsSigner } from '../../shared/platform/credential-signer-kms';
import { certificateData, testEditionId, testOrigin } from '../support/credential-fixtures';

const credential = (overrides: Parameters<typeof certificateData>[0] = {}): OpenBadgeCredential =>
  openBadgeCredential({ data: certificateData(overrides), origin: testOrigin, editionId: testEditionId });

/** Inside the fixture's validity (2024-12-01 … 2025-12-01), so nbf/exp do not decide the outcome. */
const during = new Date('2025-06-01T00:00:00Z');

async function verify(jwt: string, signer: CredentialSigner) {
  return jwtVerify(jwt, createLocalJWKSet({ keys: [await signer.publicJwk()] }), {
    algorithms: ['RS256'],
    currentDate: during,
  });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

let signer: CredentialSigner;
beforeAll(async () => {
  signer = memorySigner(await generateSigningKey());
});

describe('signVcJwt with a key in memory', () => {
  it('gives a compact JWS that jose verifies against the JWKS, its payload the credential plus the registered claims', async () => {
    const vc = credential();
    const jwt = await signVcJwt(signer, vc);
    const { payload, protectedHeader } = await verify(jwt, signer);
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: await signer.kid() });
    expect(payload).toEqual({
      ...vc,
      iss: vc.issuer.id,
      jti: vc.id,
      nbf: Date.parse(vc.validFrom) / 1000,
      exp: Date.parse(vc.validUntil) / 1000,
    });
  });

  it('fails verification when the payload is tampered with, or against another key', async () => {
    const jwt = await signVcJwt(signer, credential());
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OpenBadgeCredential;
    forged.credentialSubject.identifier[0]!.identityHash = 'Urząd Miasta Podrobionego';
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(await rejection(verify(tampered, signer))).toBeInstanceOf(errors.JWSSignatureVerificationFailed);
    // The untampered token still verifies, so the rejection above is about the change.
    await expect(verify(jwt, signer)).resolves.toBeTruthy();

    const other = memorySigner(await generateSigningKey());
    expect(await rejection(verify(jwt, other))).toBeInstanceOf(errors.JWKSNoMatchingKey);
    const foreignKeyUnderOurKid = { ...(await other.publicJwk()), kid: await signer.kid() };
    const wrongKey = jwtVerify(jwt, createLocalJWKSet({ keys: [foreignKeyUnderOurKid] }), { currentDate: during });
    expect(await rejection(wrongKey)).toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it('is deterministic: the same credential and key give the same token', async () => {
    const vc = credential();
    expect(await signVcJwt(signer, structuredClone(vc))).toBe(await signVcJwt(signer, vc));
  });

  it('publishes only the public part, with kid = the RFC 7638 thumbprint, alg RS256 and use sig', async () => {
    const jwk = await signer.publicJwk();
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
    const canonical = `{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`;
    expect(jwk.kid).toBe(createHash('sha256').update(canonical).digest('base64url'));
    expect(await signer.kid()).toBe(jwk.kid);
    expect(Buffer.from(jwk.n, 'base64url').length * 8).toBe(2048);
  });

  it('refuses a key too small to sign credentials', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const small = memorySigner(privateKey.export({ format: 'jwk' }));
    expect(String(await rejection(small.kid()))).toContain('2048');
  });
});

describe('fileSigner (local mode)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credential-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the key on first use (mode 0600, in a new folder) and every later signer on the file uses it', async () => {
    const path = join(dir, 'nested', 'credential-key.json');
    const first = fileSigner(path);
    const kid = await first.kid();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ kty: 'RSA', d: expect.any(String) });
    const later = fileSigner(path);
    expect(await later.kid()).toBe(kid);
    const jwt = await signVcJwt(later, credential());
    await expect(verify(jwt, first)).resolves.toBeTruthy();
  });

  it('agrees on one key when several first uses race', async () => {
    const path = join(dir, 'raced.json');
    const signers = Array.from({ length: 4 }, () => fileSigner(path));
    const kids = await Promise.all(signers.map((s) => s.kid()));
    expect(new Set(kids).size).toBe(1);
    const jwt = await signVcJwt(signers[3]!, credential());
    await expect(verify(jwt, memorySigner(JSON.parse(readFileSync(path, 'utf8'))))).resolves.toBeTruthy();
    expect(readFileSync(path, 'utf8')).not.toBe('');
  });

  it('fails on a damaged key file with an error naming the file, never quoting it, and retries on the next use', async () => {
    const path = join(dir, 'damaged.json');
    const secretish = '{"kty":"RSA","d":"top-secret-material"}';
    writeFileSync(path, secretish, { mode: 0o600 });
    const damaged = fileSigner(path);
    const error = await rejection(damaged.kid());
    expect(String(error)).toContain(path);
    expect(String(error)).not.toContain('top-secret-material');
    // Repaired by hand: the same signer picks the file up (the failure was not cached).
    writeFileSync(path, JSON.stringify(await generateSigningKey()));
    await expect(damaged.kid()).resolves.toMatch(/^[\w-]{43}$/);
  });
});

describe('kmsSigner', () => {
  const kms = mockClient(KMSClient);
  const keyArn = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const awsError = (name: string, status = 400) =>
    Object.assign(new Error(`${name}: not allowed`), { name, $metadata: { httpStatusCode: status } });
  // DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2): what KMS wraps a DIGEST in for RSASSA-PKCS1-v1_5.
  const sha256DigestInfo = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  let privateKey: KeyObject;
  let spki: Uint8Array;
  const signInputs: SignCommandInput[] = [];
  const publicKeyAnswer = () => ({
    KeyId: keyArn,
    PublicKey: spki,
    KeySpec: 'RSA_2048' as const,
    KeyUsage: 'SIGN_VERIFY' as const,
    SigningAlgorithms: ['RSASSA_PKCS1_V1_5_SHA_256' as const, 'RSASSA_PSS_SHA_256' as const],
  });
  const signer = () => kmsSigner(() => new KMSClient({ region: 'eu-central-1' }), keyArn);

  beforeAll(() => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    spki = new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' }));
  });

  beforeEach(() => {
    kms.reset();
    signInputs.length = 0;
    kms.on(GetPublicKeyCommand, { KeyId: keyArn }).resolves(publicKeyAnswer());
    // KMS itself, played by the real private key: PKCS#1 v1.5 over the DigestInfo of the sent digest.
    kms.on(SignCommand).callsFake((input: SignCommandInput) => {
      signInputs.push(input);
      if (input.MessageType !== 'DIGEST' || input.SigningAlgorithm !== 'RSASSA_PKCS1_V1_5_SHA_256')
        throw awsError('ValidationException');
      const digest = Buffer.from(input.Message ?? new Uint8Array());
      if (digest.length !== 32) throw awsError('ValidationException');
      const signature = privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([sha256DigestInfo, digest]),
      );
      return { KeyId: keyArn, Signature: new Uint8Array(signature), SigningAlgorithm: input.SigningAlgorithm };
    });
  });

  it('produces a VC-JWT jose verifies with the public key KMS hands out', async () => {
    const kmsKey = signer();
    const vc = credential();
    const jwt = await signVcJwt(kmsKey, vc);
    const { payload, protectedHeader } = await verify(jwt, kmsKey);
    expect(payload.jti).toBe(vc.id);
    expect(protectedHeader.kid).toBe(await kmsKey.kid());
    // The JWK is the KMS key's: the same as exporting the local half of the pair.
    const expected = await exportJWK(privateKey);
    expect(await kmsKey.publicJwk()).toMatchObject({
      kty: 'RSA',
      n: expected.n,
      e: expected.e,
      alg: 'RS256',
      use: 'sig',
    });
    expect(signInputs).toHaveLength(1);
    expect(signInputs[0]).toMatchObject({
      KeyId: keyArn,
      MessageType: 'DIGEST',
      SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    });
  });

  it('signs credentials whose signing input is beyond KMS’s 4096-byte RAW limit, sending only the digest', async () => {
    const long = 'Bardzo długa nazwa instytucji publicznej z województwa świętokrzyskiego '.repeat(4).slice(0, 300);
    const vc = credential({
      institution: { name: long, town: 'Skarżysko-Kamienna' },
      outcome: 'distinction',
      distinctionReason: 'Ż'.repeat(400),
    });
    const jwt = await signVcJwt(signer(), vc);
    expect(jwt.split('.').slice(0, 2).join('.').length).toBeGreaterThan(4096);
    await expect(verify(jwt, signer())).resolves.toBeTruthy();
    expect(signInputs[0]?.Message).toHaveLength(32);
  });

  it('asks KMS for the public key once per signer', async () => {
    const kmsKey = signer();
    await Promise.all([kmsKey.kid(), kmsKey.publicJwk(), signVcJwt(kmsKey, credential())]);
    await signVcJwt(kmsKey, credential());
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);
  });

  it('rejects when KMS refuses to sign (AccessDenied): no token at all, never a bad one', async () => {
    kms.on(SignCommand).rejects(awsError('AccessDeniedException'));
    const error = await rejection(signVcJwt(signer(), credential()));
    expect((error as Error).name).toBe('AccessDeniedException');
  });

  it('rejects when the public key cannot be read, and asks again on the next use', async () => {
    kms
      .on(GetPublicKeyCommand, { KeyId: keyArn })
      .rejectsOnce(awsError('AccessDeniedException'))
      .resolves(publicKeyAnswer());
    const kmsKey = signer();
    expect(await rejection(signVcJwt(kmsKey, credential()))).toMatchObject({ name: 'AccessDeniedException' });
    expect(signInputs).toEqual([]); // nothing was signed under an unknown kid
    await expect(kmsKey.kid()).resolves.toMatch(/^[\w-]{43}$/);
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(2);
  });

  it('turns throttling into a retryable THROTTLED error', async () => {
    kms.on(SignCommand).rejects(awsError('ThrottlingException'));
    const error = await rejection(signer().sign(new Uint8Array([1, 2, 3])));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('THROTTLED');
  });

  it('refuses a key that cannot sign RS256, and an empty signature', async () => {
    kms
      .on(GetPublicKeyCommand)
      .resolves({ KeyId: keyArn, PublicKey: spki, KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    expect(String(await rejection(signer().kid()))).toContain('cannot sign');
    kms.on(SignCommand).resolves({ KeyId: keyArn, Signature: new Uint8Array() });
    expect(String(await rejection(signer().sign(new Uint8Array([1]))))).toContain('no signature');
  });

  it('a token signed by KMS carries no part of the key in its header', async () => {
    const jwt = await signVcJwt(signer(), credential());
    expect(Object.keys(decodeProtectedHeader(jwt)).sort()).toEqual(['alg', 'kid', 'typ']);
  });
});
