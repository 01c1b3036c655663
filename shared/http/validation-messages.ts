import type { $ZodIssue } from 'zod/v4/core';
// Only the two languages we speak, imported alone (all of zod's locales would add ~250 KB to the bundle).
import englishLocale from 'zod/v4/locales/en.js';
import polishLocale from 'zod/v4/locales/pl.js';
import type { FieldErrors } from '../errors';
import { customFieldMessage, fieldMessages } from './field-messages';
import type { Language } from '../language';

/*
 * The messages of a refused request, in the request's language. Loaded by validation.ts on the first
 * refusal only: a request that validates never reads zod's locales or our field messages.
 */

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
