import * as z from 'zod/mini';
import type { ResponseSpec } from './openapi/describe';

/** The one error body every failing route returns (DESIGN.md §5). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
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
