import * as z from 'zod/mini';
import { certificateFiles } from '../certificates/certificate-file-names';
import type { $ZodType } from 'zod/v4/core';
import { roles } from '../access/principal';
import { voivodeships } from '../institutions/institution-kinds';
import { component, responseComponent, responseSchema } from './openapi/component-names';
import type { ResponseSpec } from './openapi/describe';
import { languages } from '../language';

/** The one error body every failing route returns (DESIGN.md §5). */
export const ErrorBody = responseSchema('ErrorBody', () =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.optional(z.record(z.string(), z.string())),
      /** Why no assignment exists (ASSIGNMENT_INFEASIBLE): figures, problems naming applications and experts, suggestions. */
      explanation: z.optional(
        z.object({
          demand: z.number(),
          capacity: z.number(),
          minimumTotal: z.number(),
          problems: z.array(
            z.object({
              kind: z.string(),
              message: z.string(),
              applicationIds: z.optional(z.array(z.string())),
              userIds: z.optional(z.array(z.string())),
            }),
          ),
          suggestions: z.array(z.string()),
        }),
      ),
      requestId: z.optional(z.string()),
    }),
  }),
);

export const errorResponse = (description: string): ResponseSpec => ({ description, schema: ErrorBody });

/** Error responses every route can give; routes add their specific ones. */
export const commonErrors = {
  400: responseComponent(
    'BadRequest',
    errorResponse('Invalid input (VALIDATION_FAILED…); `fields` names each bad field'),
  ),
  413: responseComponent('PayloadTooLarge', errorResponse('Request body too large (PAYLOAD_TOO_LARGE)')),
  500: responseComponent('InternalError', errorResponse('Unexpected error (logged with the request id)')),
  503: responseComponent(
    'Unavailable',
    errorResponse('A dependency is unavailable or throttled (SERVICE_UNAVAILABLE, THROTTLED); see Retry-After'),
  ),
} as const satisfies Record<number, ResponseSpec>;

/**
 * The answers of the route policy (shared/access/policy.ts), added to each operation by the document
 * generator from the policy table — routes do not declare them (docs/access-control.md).
 */
export const accessErrors = {
  401: responseComponent(
    'Unauthenticated',
    errorResponse('Not signed in, the session ended, or the account is deactivated (UNAUTHENTICATED)'),
  ),
  403: responseComponent('Forbidden', errorResponse('Signed in, but no role of the account may do this (FORBIDDEN)')),
  404: responseComponent(
    'NotFound',
    errorResponse(
      'No such object — also for a path id no object can have (too long, a character ids do not use; `fields` names it) — or not the caller’s: both answer alike, so existence never leaks (NOT_FOUND)',
    ),
  ),
} as const satisfies Record<number, ResponseSpec>;

/** Answers with no body worth documenting beyond their status. */
export const noContent = { description: 'Done' } as const satisfies ResponseSpec;

/**
 * The bound of every stored object's id (ULIDs; tests use readable ids). Every path and query id is
 * checked against it before a key is built, so an over-long or odd id is a 404 (path) or a 400
 * (query, body) naming the field — never DynamoDB's key-size error (a 500).
 */
export const Id = component('Id', z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, 'id')));

/** A questionnaire section's code in a path: the shape `code` (editions/localized.ts) accepts, untrimmed. */
export const SectionCode = component(
  'SectionCode',
  z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'code')),
);

/** A local upload link's signed token: base64url claims, a dot, a base64url HMAC (platform/uploads.ts). */
export const UploadToken = component(
  'UploadToken',
  z.string().check(z.maxLength(4096), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'id')),
);

/** A published results version in a path: 1…999999. */
export const ResultsVersion = component('ResultsVersion', z.string().check(z.regex(/^[1-9][0-9]{0,5}$/, 'id')));

/** A certificate code as typed (grouped or not, any case): its check symbol is verified by the use case. */
export const CertificateCodeParam = component(
  'CertificateCode',
  z.string().check(z.regex(/^[0-9A-Za-z*~$=-]{20,40}$/, 'id')),
);
/** A signing key's RFC 7638 SHA-256 thumbprint (base64url). */
export const KeyThumbprint = component('KeyThumbprint', z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'id')));
/** Which file of a certificate. */
export const CertificateFileParam = component('CertificateFile', z.enum(certificateFiles));

/**
 * Path parameters by name: the one place a path parameter is bounded. The `checkPathParams`
 * middleware (validation.ts) validates every request's path parameters with these before any route
 * runs, and the OpenAPI document declares them from here. A name not listed is an id (`Id`).
 */
export const pathParams: Record<string, { schema: $ZodType; description: string }> = {
  editionId: { schema: Id, description: 'The edition' },
  applicationId: { schema: Id, description: 'The application' },
  institutionId: { schema: Id, description: 'The institution' },
  userId: { schema: Id, description: 'The account (a member, an expert)' },
  attachmentId: { schema: Id, description: 'The attachment' },
  expertId: { schema: Id, description: 'The expert (a chapter member’s account)' },
  fileId: { schema: Id, description: 'The evidence file of a mystery-shopper contact' },
  exportId: { schema: Id, description: 'The export' },
  sectionId: { schema: SectionCode, description: 'The questionnaire section’s code' },
  token: { schema: UploadToken, description: 'The signed upload token from the upload ticket' },
  version: { schema: ResultsVersion, description: 'A published version of an edition’s results (1, 2, …)' },
  code: { schema: CertificateCodeParam, description: 'A certificate’s code (Crockford base32, hyphens optional)' },
  file: { schema: CertificateFileParam, description: 'Which file of the certificate' },
  kid: { schema: KeyThumbprint, description: 'A credential signing key’s RFC 7638 thumbprint' },
  // The standard measurement's year (issue 18 §4); the route's own schema bounds it to 2000–2100.
  year: { schema: z.string().check(z.regex(/^[0-9]{4}$/, 'year')), description: 'A calendar year (YYYY)' },
};
export const pathParamSchema = (name: string): $ZodType => pathParams[name]?.schema ?? Id;

/** An opaque page cursor and a page size (1–100) in the query string. */
export const PageQuery = {
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
};

/** What any answer shows of an account (accounts/user.ts `publicUser`): never the password hash. */
export const PublicUserSchema = responseSchema('PublicUser', () =>
  z.object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    language: z.enum(languages),
    roles: z.array(z.enum(roles)),
    institutionId: z.optional(z.string()),
    /** Experts: where they work and what they know. */
    expert: z.optional(
      z.object({ affiliation: z.string(), voivodeship: z.enum(voivodeships), expertise: z.array(z.string()) }),
    ),
    status: z.enum(['invited', 'active', 'deactivated']),
    emailVerified: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  }),
);

/** An offset page of a short list (a chapter's members, an expert's bidding list): `?offset=&limit=`. */
export const OffsetQuery = {
  offset: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_000_000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
};
