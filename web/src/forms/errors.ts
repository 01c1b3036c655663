import { ApiError } from '../api';
import i18n from '../i18n';

/** What a failed submit shows: the summary message and one message per field path (`account.email`). */
export interface FormError {
  code: string;
  message: string;
  fields: Record<string, string>;
}

export const toFormError = (error: unknown): FormError =>
  error instanceof ApiError
    ? { code: error.code, message: error.message, fields: error.fields }
    : { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} };

export const errorMessage = (error: unknown): string => toFormError(error).message;

/** The UI's own "fix the fields" error (a choice the typed client cannot send, or the zod check before sending). */
export const fieldsError = (fields: Record<string, string>): FormError => ({
  code: 'VALIDATION_FAILED',
  message: i18n.t('form.fixFields'),
  fields,
});

/** The server's field messages under a prefix (`answers.q1` → `q1`), for forms that hold only that part. */
export function fieldsUnder(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields))
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  return out;
}
