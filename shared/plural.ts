/**
 * Polish (and English) noun forms after a count, the same rules i18next's Intl.PluralRules give the
 * web (one / few / many): 1 zgłoszenie, 2–4 zgłoszenia (but 12–14 zgłoszeń), 5+ zgłoszeń, 22
 * zgłoszenia. For texts built on the server (e-mails, error details). Pure.
 */

/** The three Polish forms of a phrase after a number: "nowe zgłoszenie" / "nowe zgłoszenia" / "nowych zgłoszeń". */
export interface PolishForms {
  one: string;
  few: string;
  many: string;
}

export type PolishPluralCategory = keyof PolishForms;

/** Which Polish form a whole number takes (Unicode CLDR's rule for integers; the sign is ignored). */
export function polishPluralCategory(n: number): PolishPluralCategory {
  const abs = Math.abs(Math.trunc(n));
  if (abs === 1) return 'one';
  const units = abs % 10;
  const tens = abs % 100;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? 'few' : 'many';
}

/** The phrase's form after n, without the number: pluralPl(5, zgloszenia) → "zgłoszeń". */
export function pluralPl(n: number, forms: PolishForms): string {
  return forms[polishPluralCategory(n)];
}

/** The number and its phrase: countPl(22, { one: 'nowe zgłoszenie', few: 'nowe zgłoszenia', many: 'nowych zgłoszeń' }) → "22 nowe zgłoszenia". */
export function countPl(n: number, forms: PolishForms): string {
  return `${n} ${pluralPl(n, forms)}`;
}

/** English: "1 new application" / "2 new applications". */
export function countEn(n: number, one: string, other: string): string {
  return `${n} ${Math.abs(n) === 1 ? one : other}`;
}
