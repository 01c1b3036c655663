import type { FieldErrors } from '../errors';
import type { Language } from '../language';

/**
 * Characters no input of ours may carry, in any text field, checked once for every validated
 * request part: C0 controls (tab, line feed and carriage return are allowed here; single-line fields
 * refuse them in their own schema), DEL and C1 controls, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that make "Urząd B\u202Elive" show as another name.
 * Lone surrogates (not text at all) are refused too. Nothing is silently stripped: the clerk is told
 * which field and which character.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export function forbiddenCharacter(value: string): string | null {
  const match = FORBIDDEN.exec(value);
  if (match) return codePoint(match[0]);
  if (LONE_SURROGATE.test(value)) return 'lone surrogate';
  return null;
}

const message = (found: string) => ({
  pl: `Pole zawiera niedozwolony znak sterujący lub znak zmiany kierunku tekstu (${found}). Usuń go i spróbuj ponownie.`,
  en: `The field contains a control or text-direction character that is not allowed (${found}). Remove it and try again.`,
});

/** Every string (and object key) in the value, with its dot path; the first few offenders are named. */
export function unsafeTextFields(value: unknown, lang: Language, limit = 20): FieldErrors {
  const fields: FieldErrors = {};
  const visit = (v: unknown, path: string[], depth: number) => {
    if (Object.keys(fields).length >= limit || depth > 64) return;
    if (typeof v === 'string') {
      const found = forbiddenCharacter(v);
      if (found) fields[path.length > 0 ? path.join('.') : '_'] = message(found)[lang];
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, [...path, String(i)], depth + 1);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const found = forbiddenCharacter(key);
        if (found) fields[[...path, key].join('.')] = message(found)[lang];
        else visit(item, [...path, key], depth + 1);
      }
    }
  };
  visit(value, [], 0);
  return fields;
}
