import { z } from 'zod';
import type { Context } from 'hono';
import { AppError, type FieldErrors } from '../errors';
import { requestLanguage, type Language } from './language';

type Issue = z.core.$ZodIssue;

const polish = z.locales.pl().localeError;

/** One message per field, in the request's language. Custom (refine) messages are kept as written. */
export function fieldErrors(issues: readonly Issue[], lang: Language): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (fields[field]) continue;
    fields[field] = localizeIssue(issue, lang);
  }
  return fields;
}

function localizeIssue(issue: Issue, lang: Language): string {
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  if (missing) return lang === 'pl' ? 'To pole jest wymagane.' : 'This field is required.';
  if (lang === 'en' || issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return `Nieprawidłowy typ: oczekiwano ${issue.expected}.`;
  const localized = polish(issue as Parameters<typeof polish>[0]);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

/** The default hook of every validated route: a 400 naming each bad field. */
export function validationHook(result: { success: true } | { success: false; error: z.ZodError }, c: Context): void {
  if (result.success) return;
  throw new AppError('VALIDATION_FAILED', 'Request validation failed', {
    fields: fieldErrors(result.error.issues, requestLanguage(c)),
  });
}
