import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { certificateFiles } from '../../certificates/certificate';
import { certificatesArchive } from '../../certificates/certificates-archive';
import { getCertificates } from '../../certificates/get-certificates';
import {
  getCredentialKey,
  getCredentialKeys,
  getIssuerProfile,
  getRevocationList,
} from '../../certificates/get-credential-documents';
import { downloadCertificateFile, getOwnCertificate } from '../../certificates/get-own-certificate';
import { issueCertificates } from '../../certificates/issue-certificates';
import { reissueCertificate } from '../../certificates/reissue-certificate';
import { revokeCertificate } from '../../certificates/revoke-certificate';
import { setSignatories } from '../../certificates/set-signatories';
import { CertificateSettings } from '../../editions/edition';
import { Edition } from '../responses/editions';
import { verifyCertificate } from '../../certificates/verify-certificate';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import {
  CertificateSummary,
  CertificatesOverview,
  CredentialDocument,
  Jwks,
  OwnCertificate,
  Verification,
} from '../responses/certificates';
import { commonErrors, errorResponse } from '../schemas';
import { callerOf } from '../session-cookie';
import { downloadResponse } from './download';

const reasonText = z.string().check(z.trim(), z.minLength(3, 'tooShort'), z.maxLength(500));
const Reason = z.object({ reason: reasonText });

const organizerTags = ['certificates'];
const publicTags = ['public certificates'];
const conflict = errorResponse(
  'Not in the state for this (INVALID_STATE: results not published, signatories missing, not issued…) or changed meanwhile (STALE_VERSION)',
);
/** The issuer and its keys change only on rotation: a short shared cache. */
const publicCache = 'public, max-age=300';
const fileTypes = ['application/pdf', 'image/svg+xml', 'image/png', 'application/json', 'application/jwt'] as const;

/** The path parameter was checked against the same list (schemas.ts `pathParams`). */
const fileOf = (name: string) => {
  const file = certificateFiles.find((f) => f === name);
  if (!file) throw new AppError('NOT_FOUND', `No such certificate file: ${name}`);
  return file;
};

/** Certificates (issue 15): issuing, revoking and re-issuing by organizers, downloads by the institution, public verification. */
export const certificateRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/editions/:editionId/certificates',
      describe({
        summary: 'The edition’s certificates: what can be issued, progress, and every certificate by number',
        operationId: 'getCertificates',
        tags: organizerTags,
        responses: { 200: { description: 'Certificates', schema: CertificatesOverview }, ...commonErrors },
      }),
      async (c) => c.json(await getCertificates(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .post(
      '/api/editions/:editionId/certificates',
      describe({
        summary:
          'Issue certificates for every laureate and distinction of the published results that has none, and queue their rendering (idempotent; audited)',
        operationId: 'issueCertificates',
        tags: organizerTags,
        responses: {
          202: { description: 'Issued and queued', schema: CertificatesOverview },
          409: conflict,
          ...commonErrors,
        },
      }),
      validate('json', z.object({})),
      async (c) =>
        c.json(await issueCertificates(deps, { editionId: c.req.param('editionId'), caller: callerOf(c, deps) }), 202),
    )
    .put(
      '/api/editions/:editionId/certificates/signatories',
      describe({
        summary:
          'Set who signs the certificates (any state: certificates are issued after publication; versioned, audited)',
        operationId: 'setSignatories',
        tags: organizerTags,
        responses: { 200: { description: 'Saved', schema: Edition }, 409: conflict, ...commonErrors },
      }),
      validate('json', z.extend(CertificateSettings, { version: z.number().check(z.int(), z.gte(0)) })),
      async (c) =>
        c.json(
          await setSignatories(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .get(
      '/api/editions/:editionId/certificates/archive',
      describe({
        summary: 'Every issued certificate of the edition as one ZIP (PDFs, emblems, credentials, a CSV list)',
        operationId: 'getCertificatesArchive',
        tags: organizerTags,
        responses: { 200: { description: 'The ZIP', contentType: 'application/zip' }, ...commonErrors },
      }),
      async (c) => {
        const { body, fileName } = await certificatesArchive(deps, { editionId: c.req.param('editionId') });
        return downloadResponse(body, 'application/zip', fileName);
      },
    )
    .post(
      '/api/certificates/:code/revoke',
      describe({
        summary: 'Revoke an issued certificate with a reason (audited); verification shows it from the next request',
        operationId: 'revokeCertificate',
        tags: organizerTags,
        responses: { 200: { description: 'Revoked', schema: CertificateSummary }, 409: conflict, ...commonErrors },
      }),
      validate('json', Reason),
      async (c) =>
        c.json(
          await revokeCertificate(deps, {
            code: c.req.param('code'),
            reason: c.req.valid('json').reason,
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/certificates/:code/reissue',
      describe({
        summary:
          'Re-issue a certificate (e.g. a corrected name): a new number and code; the old one is superseded (audited)',
        operationId: 'reissueCertificate',
        tags: organizerTags,
        responses: {
          201: { description: 'The new certificate (rendering queued)', schema: CertificateSummary },
          409: conflict,
          ...commonErrors,
        },
      }),
      validate('json', Reason),
      async (c) =>
        c.json(
          await reissueCertificate(deps, {
            code: c.req.param('code'),
            reason: c.req.valid('json').reason,
            caller: callerOf(c, deps),
          }),
          201,
        ),
    )
    .get(
      '/api/applications/:applicationId/certificate',
      describe({
        summary: 'The application’s current certificate (its institution and organizers)',
        operationId: 'getOwnCertificate',
        tags: organizerTags,
        responses: { 200: { description: 'The certificate or null', schema: OwnCertificate }, ...commonErrors },
      }),
      async (c) => c.json(await getOwnCertificate(deps, { applicationId: c.req.param('applicationId') }), 200),
    )
    .get(
      '/api/applications/:applicationId/certificate/files/:file',
      describe({
        summary: `One file of the application’s current certificate (${certificateFiles.join(', ')})`,
        operationId: 'downloadCertificateFile',
        tags: organizerTags,
        responses: { 200: { description: 'The file', contentType: fileTypes }, ...commonErrors },
      }),
      async (c) => {
        const { body, contentType, fileName } = await downloadCertificateFile(deps, {
          applicationId: c.req.param('applicationId'),
          file: fileOf(c.req.param('file')),
        });
        return downloadResponse(body, contentType, fileName);
      },
    )
    .get(
      '/api/public/certificates/:code',
      describe({
        summary:
          'Verify a certificate by its code: valid, expired, revoked or superseded, with what is printed on it (rate-limited)',
        operationId: 'verifyCertificate',
        tags: publicTags,
        responses: {
          200: { description: 'The certificate’s status', schema: Verification },
          429: errorResponse('Too many lookups from this address (RATE_LIMITED); Retry-After says when to try again'),
          ...commonErrors,
        },
      }),
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await verifyCertificate(deps, { code: c.req.param('code'), caller: callerOf(c, deps) }), 200);
      },
    )
    .get(
      '/api/public/credentials/issuer',
      describe({
        summary: 'The Open Badges 3.0 issuer profile credentials name (public)',
        operationId: 'getIssuerProfile',
        tags: publicTags,
        responses: { 200: { description: 'The issuer profile', schema: CredentialDocument }, ...commonErrors },
      }),
      (c) => {
        c.header('Cache-Control', publicCache);
        return c.json(getIssuerProfile(deps), 200);
      },
    )
    .get(
      '/api/public/credentials/jwks',
      describe({
        summary: 'The public keys credentials are signed with (JWKS, every key ever used, by kid)',
        operationId: 'getCredentialKeys',
        tags: publicTags,
        responses: { 200: { description: 'The key set', schema: Jwks }, ...commonErrors },
      }),
      async (c) => {
        c.header('Cache-Control', publicCache);
        return c.json(await getCredentialKeys(deps), 200);
      },
    )
    .get(
      '/api/public/credentials/jwks/:kid',
      describe({
        summary: 'One public key, at the URL a credential’s `kid` names (OB 3.0 §8.2)',
        operationId: 'getCredentialKey',
        tags: publicTags,
        responses: { 200: { description: 'The JWK', schema: CredentialDocument }, ...commonErrors },
      }),
      async (c) => {
        c.header('Cache-Control', publicCache);
        return c.json(await getCredentialKey(deps, { kid: c.req.param('kid') }), 200);
      },
    )
    .get(
      '/api/public/credentials/status/:editionId',
      describe({
        summary:
          'The edition’s credential revocation list (1EdTech Revocation List): revoked and superseded credentials',
        operationId: 'getRevocationList',
        tags: publicTags,
        responses: { 200: { description: 'The revocation list', schema: CredentialDocument }, ...commonErrors },
      }),
      async (c) => {
        // A revocation must reach verifiers on their next check: never cached.
        c.header('Cache-Control', 'no-store');
        return c.json(await getRevocationList(deps, { editionId: c.req.param('editionId') }), 200);
      },
    );
