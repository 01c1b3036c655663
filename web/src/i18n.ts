import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import pl from './locales/pl.json';
// The start page's and the menu's own texts: every first visit needs them, so they ship with the entry.
import landingEn from './locales/landing.en.json';
import landingPl from './locales/landing.pl.json';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => v === 'pl' || v === 'en';
const STORAGE_KEY = 'lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'pl';
}

void i18n.use(initReactI18next).init({
  resources: {
    pl: { translation: { ...pl, ...landingPl } },
    en: { translation: { ...en, ...landingEn } },
  },
  // Area texts arrive after the first render (loadTexts below): pages re-render when they are added.
  react: { bindI18nStore: 'added' },
  lng: initialLanguage(),
  fallbackLng: 'pl',
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
  // A change made without chooseLanguage still gets the loaded areas' texts (they re-render when added).
  if (isLanguage(lng)) void loadTextsFor(lng).catch(() => undefined);
});

/** Whether someone picked the language in this browser (the choice is stored only when made). */
export const languageWasChosen = () => isLanguage(localStorage.getItem(STORAGE_KEY));

/** The UI's current language, typed. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'pl');

/**
 * The area files (each area's keys under its own top-level key, merged into the one `translation`
 * namespace): loaded with the pages that use them, in the UI's language only, so a visitor of the
 * start page downloads none of the organizer's texts (issue 17). Each file is its own small chunk.
 */
const areaFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  './locales/*.pl.json',
  './locales/*.en.json',
  '!./locales/landing.*.json',
]);

export const TEXT_AREAS = [
  'application',
  'assignment',
  'audit',
  'certificates',
  'consequences',
  'editions',
  'results',
  'rubric',
  'scoring',
] as const;
export type TextArea = (typeof TEXT_AREAS)[number];

const loaded = new Map<string, Promise<void>>();
const wanted = new Set<TextArea>();

function loadFile(area: TextArea, language: Language): Promise<void> {
  const key = `${area}.${language}`;
  let done = loaded.get(key);
  if (!done) {
    const file = areaFiles[`./locales/${key}.json`];
    if (!file) return Promise.reject(new Error(`No texts for ${key}`));
    done = file().then(
      (texts) => void i18n.addResourceBundle(language, 'translation', texts.default, true, true),
      (error: unknown) => {
        // A failed download (offline for a moment) is tried again by the next page that asks.
        loaded.delete(key);
        throw error;
      },
    );
    loaded.set(key, done);
  }
  return done;
}

/** Makes the areas' texts available in the given languages (the UI's by default); cached per file. */
export async function loadTexts(areas: readonly TextArea[], languages: readonly Language[] = [currentLanguage()]) {
  for (const area of areas) wanted.add(area);
  await Promise.all(areas.flatMap((area) => languages.map((language) => loadFile(area, language))));
}

/** Before switching language: the texts of every area loaded so far, in the new language. */
export const loadTextsFor = (language: Language) => loadTexts([...wanted], [language]);

export default i18n;
