import type { Language } from '../language';
import type { MailMessage } from '../platform/mailer';
import type { ApplicationResult } from './results';
import { formatPln } from './fees';

const signature = { pl: '\n\n— Zespół konkursu Przyjazny Urząd', en: '\n\n— The Przyjazny Urząd award team' };

/**
 * The mail every applicant gets when results are published (issue 14 §6): congratulations and the next
 * steps for laureates and distinctions, a thank-you and the feedback link for the others. Nothing in it
 * names anyone else's result.
 */
export function resultMail(to: string, language: Language, result: ApplicationResult, link: string): MailMessage {
  const pl = language === 'pl';
  const edition = `${result.edition.name} (${result.edition.number})`;
  const correction = result.snapshotVersion > 1;
  let subject: string;
  let body: string;
  if (result.outcome === 'laureate') {
    subject = pl ? `Gratulacje — tytuł laureata „${edition}”` : `Congratulations — laureate of "${edition}"`;
    const fee = result.fee
      ? pl
        ? `\n\nOpłata laureata: ${formatPln(result.fee.net, 'pl')} netto (${formatPln(result.fee.gross, 'pl')} brutto). Szczegóły i dalsze kroki:`
        : `\n\nThe laureate's fee: ${formatPln(result.fee.net, 'en')} net (${formatPln(result.fee.gross, 'en')} gross). Details and next steps:`
      : '';
    body = pl
      ? `z radością informujemy, że Kapituła przyznała instytucji ${result.institution.name} tytuł laureata konkursu „${edition}”.${fee}\n${link}`
      : `we are pleased to tell you that the chapter has named ${result.institution.name} a laureate of "${edition}".${fee}\n${link}`;
  } else if (result.outcome === 'distinction') {
    subject = pl ? `Wyróżnienie w konkursie „${edition}”` : `A distinction in "${edition}"`;
    body = pl
      ? `Kapituła przyznała instytucji ${result.institution.name} wyróżnienie w konkursie „${edition}”.\n\nSzczegóły i opinia ekspertów:\n${link}`
      : `the chapter has granted ${result.institution.name} a distinction in "${edition}".\n\nDetails and the experts' feedback:\n${link}`;
  } else {
    subject = pl ? `Wyniki konkursu „${edition}”` : `Results of "${edition}"`;
    body = pl
      ? `dziękujemy za udział instytucji ${result.institution.name} w konkursie „${edition}”. Tym razem zgłoszenie nie otrzymało tytułu. Wynik w poszczególnych obszarach na tle mediany edycji oraz opinie ekspertów są dostępne tutaj:\n${link}`
      : `thank you for ${result.institution.name}'s part in "${edition}". This time the application was not awarded. Its result per area beside the edition's median and the experts' feedback are here:\n${link}`;
  }
  const note = correction
    ? pl
      ? `\n\n(Wiadomość dotyczy skorygowanych wyników — wersja ${result.snapshotVersion}.)`
      : `\n\n(This concerns the corrected results — version ${result.snapshotVersion}.)`
    : '';
  const hello = pl ? 'Szanowni Państwo,\n\n' : 'Dear Sir or Madam,\n\n';
  return { to, subject, text: `${hello}${body}${note}${pl ? signature.pl : signature.en}` };
}
