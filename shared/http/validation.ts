import type { $ZodError, $ZodIssue } from 'zod/v4/core';
// Only the two languages we speak, imported alone (all of zod's locales would add ~250 KB to the bundle).
import englishLocale from 'zod/v4/locales/en.js';
import polishLocale from 'zod/v4/locales/pl.js';
import type { Context, MiddlewareHandler } from 'hono';
import { safeParse } from 'zod/mini';
import { AppError, type FieldErrors } from '../errors';
import { customFieldMessage, fieldMessages } from './field-messages';
import { requestLanguage } from './language';
import { unsafeTextFields } from './text-safety';
import { endpointParams, matchedEndpoint } from './middleware/authorize';
import { pathParamSchema } from './schemas';
import type { Language } from '../language';

type Issue = $ZodIssue;

const locales = { pl: polishLocale().localeError, en: englishLocale().localeError };

/**
 * One message per field, in the request's language. `input` is the value that was validated, so a
 * missing field says "required" and Polish messages can name what was received. Custom (refine)
 * messages are kept as written.
 */
export function fieldErrors(issues: readonly Issue[], lang: Language, input?: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (fields[field]) continue;
    fields[field] = localizeIssue(issue, lang, valueAt(input, issue.path));
  }
  return fields;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) return { found: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: current !== undefined, value: current };
}

function localizeIssue(issue: Issue, lang: Language, at: { found: boolean; value?: unknown }): string {
  if (!at.found && issue.path.length > 0 && issue.code !== 'custom') {
    return lang === 'pl' ? 'To pole jest wymagane.' : 'This field is required.';
  }
  // Our own message keys ('notBlank' on a minLength, 'nip' on a refine…) win over zod's generic text.
  if (issue.code === 'custom' || issue.message in fieldMessages) return customFieldMessage(issue.message, lang);
  const localeError = locales[lang];
  const localized = localeError({ ...issue, input: at.value } as Parameters<typeof localeError>[0]);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

/** The default hook of every validated route: a 400 naming each bad field. */
export function validationHook(
  result: { success: true; data?: unknown } | { success: false; error: $ZodError; data?: unknown },
  c: Context,
): void {
  if (result.success) {
    const unsafe = unsafeTextFields(result.data, requestLanguage(c));
    if (Object.keys(unsafe).length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Control or bidi characters in text', { fields: unsafe });
    }
    return;
  }
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
      if (issues.length > 0)
        throw new AppError('NOT_FOUND', 'Malformed path parameter', {
          fields: fieldErrors(issues, requestLanguage(c), params),
        });
    }
    await next();
  };
}
