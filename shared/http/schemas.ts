import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { languages } from './language';
import type { ResponseSpec } from './openapi/describe';

/** The one error body every failing route returns (DESIGN.md §5). */
export const ErrorBody = z.object({
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
});

export const errorResponse = (description: string): ResponseSpec => ({ description, schema: ErrorBody });

/** Error responses every route can give; routes add their specific ones. */
export const commonErrors = {
  400: errorResponse('Invalid input; `fields` names each bad field'),
  413: errorResponse('Request body too large'),
  500: errorResponse('Unexpected error (logged with the request id)'),
  503: errorResponse('A dependency is unavailable or throttled; see Retry-After'),
} as const satisfies Record<number, ResponseSpec>;

/** Answers with no body worth documenting beyond their status. */
export const noContent = { description: 'Done' } as const satisfies ResponseSpec;

/** An opaque page cursor and a page size (1–100) in the query string. */
export const PageQuery = {
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
};

export const PublicUserSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  language: z.enum(languages),
  roles: z.array(z.enum(roles)),
  institutionId: z.optional(z.string()),
  status: z.enum(['invited', 'active', 'deactivated']),
  emailVerified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
