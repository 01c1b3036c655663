import type { $ZodError, $ZodIssue } from 'zod/v4/core';
import type { Context, MiddlewareHandler } from 'hono';
import { safeParse } from 'zod/mini';
import { AppError } from '../errors';
import { once } from '../platform/lazy';
import { requestLanguage } from './language';
import { unsafeTextFields } from './text-safety';
import { endpointParams, matchedEndpoint } from './middleware/authorize';
import { pathParamSchema } from './schemas';

type Issue = $ZodIssue;

/** Messages are needed only when a request is refused: loaded then (validation-messages.ts), not with every group. */
const messages = once(() => import('./validation-messages'));

/** The default hook of every validated route: a 400 naming each bad field. */
export async function validationHook(
  result: { success: true; data?: unknown } | { success: false; error: $ZodError; data?: unknown },
  c: Context,
): Promise<void> {
  if (result.success) {
    const unsafe = unsafeTextFields(result.data, requestLanguage(c));
    if (Object.keys(unsafe).length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Control or bidi characters in text', { fields: unsafe });
    }
    return;
  }
  const { fieldErrors } = await messages();
  throw new AppError('VALIDATION_FAILED', 'Request validation failed', {
    fields: fieldErrors(result.error.issues, requestLanguage(c), result.data),
  });
}

/**
 * Every path parameter of every route, checked once, here, by its name (`pathParams` in schemas.ts),
 * before any route runs: an id too long or with a character no id has is a 404 naming the field,
 * never a key DynamoDB refuses (a 500). Query and body ids are bounded by the same `Id` schema in
 * the routes' `validate` schemas (a 400 naming the field). Runs after `authorize`, so a caller who
 * may not call the route still gets the policy's answer (401/403) whatever the id looks like.
 */
export function checkPathParams(): MiddlewareHandler {
  return async (c, next) => {
    const endpoint = matchedEndpoint(c);
    if (endpoint) {
      const params = endpointParams(endpoint.path, c.req.path);
      const issues: Issue[] = [];
      for (const [name, value] of Object.entries(params)) {
        const result = safeParse(pathParamSchema(name), value);
        if (!result.success) issues.push(...result.error.issues.map((i) => ({ ...i, path: [name, ...i.path] })));
      }
      // A path names a resource: one no id can name does not exist (404, as for an unknown id — and as
      // `keyPart` answers an id with the key separator); the field still says which part is wrong.
      if (issues.length > 0) {
        const { fieldErrors } = await messages();
        throw new AppError('NOT_FOUND', 'Malformed path parameter', {
          fields: fieldErrors(issues, requestLanguage(c), params),
        });
      }
    }
    await next();
  };
}
