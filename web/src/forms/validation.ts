import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import * as z from 'zod/mini';
import type { $ZodRawIssue } from 'zod/v4/core';
// The same two locales the server loads for its validation messages (shared/http/validation.ts).
import englishLocale from 'zod/v4/locales/en.js';
import polishLocale from 'zod/v4/locales/pl.js';
import { currentLanguage } from '../i18n';

export { fieldMessage, flattenFieldErrors } from './field-errors';

const locales = { pl: polishLocale().localeError, en: englishLocale().localeError };

/**
 * zod's message for an issue, in the UI's language, as the server's validation hook words it: a
 * missing value is "required"; an empty number field (NaN here, null once sent as JSON) reads as null.
 * Messages of the schemas' own checks stay keys (`notBlank`, `code`) until `fieldMessage` words them.
 */
function localize(issue: $ZodRawIssue): string {
  const lang = currentLanguage();
  if (issue.input === undefined && (issue.path?.length ?? 0) > 0)
    return lang === 'pl' ? 'To pole jest wymagane.' : 'This field is required.';
  const input = typeof issue.input === 'number' && Number.isNaN(issue.input) ? null : issue.input;
  const localized = locales[lang](Object.assign({}, issue, { input }));
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.code);
}

/**
 * A resolver that checks a form with the server's own zod schema before anything is sent: the form's
 * values go through `toApi` (the body the route validates, numbers parsed from what was typed) and
 * then the schema, so field paths and messages are the ones the server would answer with.
 */
export function apiResolver<TValues extends FieldValues, TApi, TOutput>(
  schema: z.ZodMiniType<TOutput, Awaited<TApi>>,
  toApi: (values: TValues) => TApi,
): Resolver<TValues, unknown, TOutput> {
  return zodResolver(z.pipe(z.transform<TValues, TApi>(toApi), schema), { error: localize });
}
