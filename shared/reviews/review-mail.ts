import type { Language } from '../language';
import type { MailMessage } from '../platform/mailer';
import { countPl } from '../plural';

/** The chapter's e-mails about scoring, in the expert's language, polite and in words. */
export type ReviewMail =
  | { kind: 'reopened'; institutionName: string; reason: string; link: string }
  | { kind: 'reconsider'; institutionName: string; message: string; link: string }
  | { kind: 'reminder'; editionName: string; deadline: string; pending: number; point: string; link: string };

const signature = { pl: '\n\n— Zespół konkursu Przyjazny Urząd', en: '\n\n— The Przyjazny Urząd award team' };

/** "1 zgłoszenie", "2 zgłoszenia", "5 zgłoszeń", "22 zgłoszenia". */
export function applicationsPl(n: number): string {
  return countPl(n, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń' });
}

const warsaw = (iso: string, lang: Language) =>
  `${new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso))}${lang === 'pl' ? ' (czasu polskiego)' : ' (Polish time)'}`;

export function reviewMail(
  to: { email: string; displayName: string; language: Language },
  mail: ReviewMail,
): MailMessage {
  const pl = to.language === 'pl';
  const hello = pl ? `Dzień dobry, ${to.displayName},\n\n` : `Dear ${to.displayName},\n\n`;
  let subject: string;
  let body: string;
  switch (mail.kind) {
    case 'reopened':
      subject = pl ? 'Karta ocen otwarta ponownie — Przyjazny Urząd' : 'Score sheet reopened — Przyjazny Urząd';
      body = pl
        ? `organizator ponownie otworzył kartę ocen zgłoszenia „${mail.institutionName}”.\n\nPowód: ${mail.reason}\n\nProsimy o sprawdzenie karty i ponowne jej złożenie:\n${mail.link}`
        : `the organizer has reopened your score sheet for "${mail.institutionName}".\n\nReason: ${mail.reason}\n\nPlease check the sheet and submit it again:\n${mail.link}`;
      break;
    case 'reconsider':
      subject = pl
        ? 'Prośba o ponowne rozważenie oceny — Przyjazny Urząd'
        : 'Please reconsider your scores — Przyjazny Urząd';
      body = pl
        ? `oceny zgłoszenia „${mail.institutionName}” wyraźnie się różnią. Organizator prosi o ponowne rozważenie oceny; karta została otwarta.\n\nWiadomość od organizatora: ${mail.message}\n\n${mail.link}`
        : `the scores of "${mail.institutionName}" differ widely. The organizer asks you to reconsider; your sheet has been reopened.\n\nMessage from the organizer: ${mail.message}\n\n${mail.link}`;
      break;
    case 'reminder': {
      const when = warsaw(mail.deadline, to.language);
      const after = mail.point === 'after';
      subject = pl
        ? after
          ? `Termin oceny minął — ${mail.editionName}`
          : `Przypomnienie o terminie oceny — ${mail.editionName}`
        : after
          ? `The scoring deadline has passed — ${mail.editionName}`
          : `Scoring deadline reminder — ${mail.editionName}`;
      body = pl
        ? `${after ? 'termin oceny minął' : 'zbliża się termin oceny'} (${when}). Do złożenia ${mail.pending === 1 ? 'pozostała karta ocen' : 'pozostały karty ocen'}: ${applicationsPl(mail.pending)}.\n\n${mail.link}`
        : `${after ? 'the scoring deadline has passed' : 'the scoring deadline is near'} (${when}). Sheets still to submit: ${mail.pending} application${mail.pending === 1 ? '' : 's'}.\n\n${mail.link}`;
      break;
    }
  }
  return { to: to.email, subject, text: hello + body + signature[pl ? 'pl' : 'en'] };
}

export const reviewLink = (origin: string, editionId: string, applicationId?: string) =>
  `${origin.replace(/\/$/, '')}/expert/editions/${encodeURIComponent(editionId)}${applicationId ? `/applications/${encodeURIComponent(applicationId)}` : ''}`;
