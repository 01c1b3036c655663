import { z } from '@hono/zod-openapi';

/** The one error body every failing route returns (DESIGN.md §5). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string().openapi({ example: 'Popraw zaznaczone pola.' }),
      fields: z.record(z.string(), z.string()).optional().openapi({ example: { email: 'To pole jest wymagane.' } }),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** Error responses every route can give; routes add their specific ones. */
export const commonErrors = {
  400: errorResponse('Invalid input; `fields` names each bad field'),
  413: errorResponse('Request body too large'),
  500: errorResponse('Unexpected error (logged with the request id)'),
  503: errorResponse('A dependency is unavailable or throttled; see Retry-After'),
} as const;
