/** The platform's two languages: Polish first, English on request. Used by the domain and the web. */
export const languages = ['pl', 'en'] as const;
export type Language = (typeof languages)[number];
/** A text in both languages. */
export type Localized = Record<Language, string>;

export const isLanguage = (v: unknown): v is Language => v === 'pl' || v === 'en';
