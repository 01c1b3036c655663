import { expect, it } from 'vitest';
import accountsEn from '../../web/src/locales/accounts.en.json';
import accountsPl from '../../web/src/locales/accounts.pl.json';
import applicationEn from '../../web/src/locales/application.en.json';
import applicationPl from '../../web/src/locales/application.pl.json';
import auditEn from '../../web/src/locales/audit.en.json';
import auditPl from '../../web/src/locales/audit.pl.json';
import assignmentEn from '../../web/src/locales/assignment.en.json';
import assignmentPl from '../../web/src/locales/assignment.pl.json';
import certificatesEn from '../../web/src/locales/certificates.en.json';
import certificatesPl from '../../web/src/locales/certificates.pl.json';
import consequencesEn from '../../web/src/locales/consequences.en.json';
import consequencesPl from '../../web/src/locales/consequences.pl.json';
import resultsEn from '../../web/src/locales/results.en.json';
import resultsPl from '../../web/src/locales/results.pl.json';
import rubricEn from '../../web/src/locales/rubric.en.json';
import rubricPl from '../../web/src/locales/rubric.pl.json';
import scoringEn from '../../web/src/locales/scoring.en.json';
import scoringPl from '../../web/src/locales/scoring.pl.json';
import editionsEn from '../../web/src/locales/editions.en.json';
import editionsPl from '../../web/src/locales/editions.pl.json';
import en from '../../web/src/locales/en.json';
import landingEn from '../../web/src/locales/landing.en.json';
import landingPl from '../../web/src/locales/landing.pl.json';
import pl from '../../web/src/locales/pl.json';
import publicEn from '../../web/src/locales/public.en.json';
import publicPl from '../../web/src/locales/public.pl.json';
import startEn from '../../web/src/locales/start.en.json';
import startPl from '../../web/src/locales/start.pl.json';
import verificationEn from '../../web/src/locales/verification.en.json';
import verificationPl from '../../web/src/locales/verification.pl.json';
import surveyEn from '../../web/src/locales/survey.en.json';
import surveyPl from '../../web/src/locales/survey.pl.json';

/** Every key path of a translation file, plural forms (`_one`, `_few`…) counted as their base key. */
function keys(node: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
      if (value && typeof value === 'object') for (const k of keys(value, `${path}.`)) out.add(k);
      else out.add(path);
    }
  return out;
}

// The key types come from the Polish files (web/src/translation.ts); English must have the same keys.
it.each([
  ['pl.json / en.json', pl, en],
  ['editions', editionsPl, editionsEn],
  ['application', applicationPl, applicationEn],
  ['assignment', assignmentPl, assignmentEn],
  ['scoring', scoringPl, scoringEn],
  ['results', resultsPl, resultsEn],
  ['certificates', certificatesPl, certificatesEn],
  ['audit', auditPl, auditEn],
  ['landing', landingPl, landingEn],
  ['consequences', consequencesPl, consequencesEn],
  ['rubric', rubricPl, rubricEn],
  ['accounts', accountsPl, accountsEn],
  ['verification', verificationPl, verificationEn],
  ['survey', surveyPl, surveyEn],
  ['start', startPl, startEn],
  ['public', publicPl, publicEn],
])('%s: the English file has exactly the Polish keys', (_name, polish, english) => {
  expect([...keys(english)].sort()).toEqual([...keys(polish)].sort());
});
