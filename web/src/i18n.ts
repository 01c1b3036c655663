import type { TextArea } from './area-texts';
import { i18n } from './translation';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => v === 'pl' || v === 'en';
const STORAGE_KEY = 'lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'pl';
}

// No texts are bundled: the UI language's common texts load before the first render (main.tsx awaits
// `textsReady`), the areas' with their pages (loadTexts below), and a page re-renders when any are added
// (translation.ts, the app's own small i18n; Polish is its fallback).
i18n.language = initialLanguage();

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
 * The texts, one file per language and area (each area's keys under its own top-level key, all merged
 * into the one `translation` namespace): `pl.json`/`en.json` hold the common texts, `landing.*` the
 * start page's and the menu's, the others one area each. A visitor downloads only the files of their
 * language and of the areas they open — the start page none of the organizer's (issue 17); each file
 * is its own small chunk.
 */
const textFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json');

export { TEXT_AREAS, type TextArea } from './area-texts';

/** What every page shows (the layout, the menu, forms' common words): loaded before the first render. */
const ALWAYS: readonly TextArea[] = ['common', 'landing'];

const loaded = new Map<string, Promise<void>>();
const wanted = new Set<TextArea>();

function loadFile(area: TextArea, language: Language): Promise<void> {
  const key = area === 'common' ? language : `${area}.${language}`;
  let done = loaded.get(key);
  if (!done) {
    const file = textFiles[`./locales/${key}.json`];
    if (!file) return Promise.reject(new Error(`No texts for ${key}`));
    done = file().then(
      (texts) => i18n.addTexts(language, texts.default),
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

/** The common texts in the UI's language: main.tsx renders once they are there. */
export const textsReady: Promise<void> = loadTexts(ALWAYS, [currentLanguage()]);

export default i18n;
