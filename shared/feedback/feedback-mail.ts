import type { MailMessage } from '../platform/mailer';
import type { FeedbackStatus } from './feedback';

const statusName: Record<FeedbackStatus, { pl: string; en: string }> = {
  new: { pl: 'nowa', en: 'new' },
  in_progress: { pl: 'w trakcie rozpatrywania', en: 'in progress' },
  answered: { pl: 'z odpowiedzią', en: 'answered' },
  closed: { pl: 'zamknięta', en: 'closed' },
};

/**
 * The status mail to a resident who left an e-mail (issue 18 §6), in Polish and English at once (we
 * keep no language of theirs). It carries no tracking code (none is stored) and no tracking pixel or
 * per-recipient link: the status page asks for the code they kept.
 */
export function feedbackStatusMail(input: {
  to: string;
  institutionName: string;
  submittedOn: string;
  status: FeedbackStatus;
  publicOrigin: string;
}): MailMessage {
  const link = `${input.publicOrigin.replace(/\/$/, '')}/opinia/sprawdz`;
  const s = statusName[input.status];
  return {
    to: input.to,
    subject: `Twoja opinia: ${s.pl} / Your feedback: ${s.en} — ${input.institutionName}`,
    text: [
      'Dzień dobry,',
      '',
      `opinia wysłana ${input.submittedOn} do: ${input.institutionName} ma teraz status „${s.pl}”.`,
      `Odpowiedź urzędu (jeśli jest) można przeczytać, wpisując kod śledzenia na stronie ${link}`,
      '',
      '— Przyjazny Urząd',
      '',
      '---',
      '',
      'Hello,',
      '',
      `your feedback of ${input.submittedOn} to ${input.institutionName} is now "${s.en}".`,
      `Read the office's answer (if any) by entering your tracking code at ${link}`,
      '',
      '— Przyjazny Urząd',
    ].join('\n'),
  };
}
