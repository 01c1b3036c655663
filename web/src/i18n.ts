import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import pl from './locales/pl.json';
// Area files, merged into one namespace (each area's keys sit under its own top-level key).
import applicationEn from './locales/application.en.json';
import applicationPl from './locales/application.pl.json';
import auditEn from './locales/audit.en.json';
import auditPl from './locales/audit.pl.json';
import assignmentEn from './locales/assignment.en.json';
import assignmentPl from './locales/assignment.pl.json';
import certificatesEn from './locales/certificates.en.json';
import certificatesPl from './locales/certificates.pl.json';
import consequencesEn from './locales/consequences.en.json';
import consequencesPl from './locales/consequences.pl.json';
import editionsEn from './locales/editions.en.json';
import editionsPl from './locales/editions.pl.json';
import landingEn from './locales/landing.en.json';
import landingPl from './locales/landing.pl.json';
import resultsEn from './locales/results.en.json';
import rubricEn from './locales/rubric.en.json';
import rubricPl from './locales/rubric.pl.json';
import resultsPl from './locales/results.pl.json';
import scoringEn from './locales/scoring.en.json';
import scoringPl from './locales/scoring.pl.json';

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
    pl: {
      translation: {
        ...pl,
        ...editionsPl,
        ...applicationPl,
        ...assignmentPl,
        ...scoringPl,
        ...resultsPl,
        ...certificatesPl,
        ...auditPl,
        ...landingPl,
        ...consequencesPl,
        ...rubricPl,
      },
    },
    en: {
      translation: {
        ...en,
        ...editionsEn,
        ...applicationEn,
        ...assignmentEn,
        ...scoringEn,
        ...resultsEn,
        ...certificatesEn,
        ...auditEn,
        ...landingEn,
        ...consequencesEn,
        ...rubricEn,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'pl',
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});

/** Whether someone picked the language in this browser (the choice is stored only when made). */
export const languageWasChosen = () => isLanguage(localStorage.getItem(STORAGE_KEY));

/** The UI's current language, typed. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'pl');

export default i18n;
