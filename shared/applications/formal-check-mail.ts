import type { Edition } from '../editions/edition';
import type { Language } from '../language';
import type { MailMessage } from '../platform/mailer';
import { formatWarsaw } from './application';

/** The formal check's outcome as the institution is told it (issue 16 §6: every outcome is mailed). */
export type FormalCheckOutcome =
  | { decision: 'accept' }
  | { decision: 'return'; message: string; correctionDeadline: string }
  | { decision: 'reject'; reason: string };

const signature = { pl: '\n\n— Zespół konkursu Przyjazny Urząd', en: '\n\n— The Przyjazny Urząd award team' };

/**
 * The mail to one member of the institution: what was decided and what happens next, in the
 * recipient's language and one polite, impersonal register. Pure.
 */
export function formalCheckMail(
  to: string,
  lang: Language,
  edition: Pick<Edition, 'name' | 'timeline'>,
  institutionName: string,
  outcome: FormalCheckOutcome,
  link: string,
): MailMessage {
  const pl = lang === 'pl';
  const hello = pl ? 'Dzień dobry,\n\n' : 'Hello,\n\n';
  let subject: string;
  let body: string;
  switch (outcome.decision) {
    case 'accept': {
      const reviewEnd = formatWarsaw(edition.timeline.reviewEnd)[lang];
      const results = formatWarsaw(edition.timeline.resultsDate)[lang];
      subject = pl
        ? `Zgłoszenie przyjęte formalnie — ${edition.name}`
        : `Application formally accepted — ${edition.name}`;
      body = pl
        ? `zgłoszenie instytucji ${institutionName} do konkursu „${edition.name}” spełnia wymogi formalne i zostało przyjęte.\n\nCo dalej: zgłoszenie ocenią eksperci Kapituły (ocena potrwa do ${reviewEnd}); wyniki zostaną ogłoszone ${results}. Zgłoszenia nie trzeba już zmieniać ani składać ponownie; o wynikach poinformujemy osobną wiadomością.\n\nPodgląd zgłoszenia: ${link}`
        : `the application of ${institutionName} to "${edition.name}" meets the formal requirements and has been accepted.\n\nWhat happens next: the chapter's experts will score it (scoring runs until ${reviewEnd}); results will be announced on ${results}. Nothing more needs to be changed or submitted; we will send the results in a separate message.\n\nView the application: ${link}`;
      break;
    }
    case 'return': {
      const until = formatWarsaw(outcome.correctionDeadline)[lang];
      subject = pl
        ? `Zgłoszenie zwrócone do poprawy — ${edition.name}`
        : `Application returned for correction — ${edition.name}`;
      body = pl
        ? `organizator zwrócił zgłoszenie instytucji ${institutionName} do poprawy.\n\nUwagi organizatora:\n${outcome.message}\n\nCo dalej: prosimy poprawić zgłoszenie i złożyć je ponownie do ${until}. Po tym terminie zmiany nie będą możliwe, a zgłoszenie nie weźmie udziału w ocenie.\n\nZgłoszenie: ${link}`
        : `the organizer has returned the application of ${institutionName} for correction.\n\nThe organizer's notes:\n${outcome.message}\n\nWhat happens next: please correct the application and submit it again by ${until}. After that date it can no longer be changed and will not be scored.\n\nThe application: ${link}`;
      break;
    }
    case 'reject':
      subject = pl ? `Zgłoszenie odrzucone formalnie — ${edition.name}` : `Application rejected — ${edition.name}`;
      body = pl
        ? `zgłoszenie instytucji ${institutionName} do konkursu „${edition.name}” nie spełnia wymogów formalnych i zostało odrzucone.\n\nUzasadnienie:\n${outcome.reason}\n\nCo dalej: zgłoszenie nie weźmie udziału w ocenie tej edycji; decyzja jest ostateczna. W razie pytań prosimy o kontakt z organizatorem konkursu. Instytucja może wziąć udział w kolejnej edycji.\n\nZgłoszenie: ${link}`
        : `the application of ${institutionName} to "${edition.name}" does not meet the formal requirements and has been rejected.\n\nReason:\n${outcome.reason}\n\nWhat happens next: the application will not be scored in this edition; the decision is final. If you have questions, please contact the award's organizer. The institution may take part in the next edition.\n\nThe application: ${link}`;
      break;
  }
  return { to, subject, text: hello + body + signature[lang] };
}
