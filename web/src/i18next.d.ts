import 'i18next';
import type applicationPl from './locales/application.pl.json';
import type auditPl from './locales/audit.pl.json';
import type assignmentPl from './locales/assignment.pl.json';
import type certificatesPl from './locales/certificates.pl.json';
import type consequencesPl from './locales/consequences.pl.json';
import type editionsPl from './locales/editions.pl.json';
import type landingPl from './locales/landing.pl.json';
import type pl from './locales/pl.json';
import type resultsPl from './locales/results.pl.json';
import type rubricPl from './locales/rubric.pl.json';
import type scoringPl from './locales/scoring.pl.json';

/**
 * The translation keys as types, from the Polish files (Polish is the fallback, so every key must
 * exist there): `t('a.wrong.key')` does not compile. The English files are checked against the
 * same keys by test/web/locales.test.ts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof pl &
        typeof editionsPl &
        typeof applicationPl &
        typeof assignmentPl &
        typeof scoringPl &
        typeof resultsPl &
        typeof certificatesPl &
        typeof auditPl &
        typeof landingPl &
        typeof consequencesPl &
        typeof rubricPl;
    };
  }
}
