import type { FieldErrors } from 'react-hook-form';
import { customFieldMessage } from '../../../shared/http/field-messages';
import { currentLanguage } from '../i18n';

// Apart from validation.ts (zod and its locales): every form needs these, only some forms need zod, and
// the sign-in form is on a first visit's path (issue 17).

/** A message key of the shared schemas (`notBlank`) in the UI's language; any other text as it is. */
export const fieldMessage = (message: string) => customFieldMessage(message, currentLanguage());

const isFieldError = (value: object): value is { type: string; message?: string } =>
  'type' in value && typeof value.type === 'string';

/**
 * react-hook-form's nested errors as one message per API field path (`areas.0.criteria.1.code`), the
 * shape the server's field errors have, so both fill the same summary. An array's own error
 * (`root`) belongs to the array's path.
 */
export function flattenFieldErrors(errors: FieldErrors, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: object, path: string) => {
    if (isFieldError(node) && node.message && !(path in out)) out[path] = fieldMessage(node.message);
    for (const [key, child] of Object.entries(node)) {
      // An error's own `message`/`type` are strings (skipped below); a field may be named `type` itself.
      if (key === 'ref' || key === 'types') continue;
      if (!child || typeof child !== 'object') continue;
      walk(child, key === 'root' ? path : path ? `${path}.${key}` : key);
    }
  };
  walk(errors, prefix);
  return out;
}
