import type { Localized } from '../../../../shared/editions/localized';

/** What the rubric and questionnaire builders share: text as typed → the API's values. */

/** A number typed in a field ("12,5" accepted); NaN when blank, so the check names the field. */
export const parseNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

/** Polish text with an optional English one (left out when blank). */
export const localizedFrom = ({ pl, en }: { pl: string; en: string }): Localized => (en.trim() ? { pl, en } : { pl });

/** An optional localized text under `key`, left out when both languages are blank. */
export function optionalText<K extends string>(key: K, text: { pl: string; en: string }): { [P in K]?: Localized } {
  return text.pl.trim() || text.en.trim() ? ({ [key]: localizedFrom(text) } as { [P in K]?: Localized }) : {};
}

/** A code not used yet: A1, A2… / A1.1, A1.2… / q1, q2… */
export function freeCode(prefix: string, used: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
