import type { MailMessage } from '../platform/mailer';
import { countEn, countPl } from '../plural';

/** "1 nowe zgłoszenie", "2 nowe zgłoszenia", "5 nowych zgłoszeń", "22 nowe zgłoszenia". */
export const newApplicationsPl = (n: number): string =>
  countPl(n, { one: 'nowe zgłoszenie', few: 'nowe zgłoszenia', many: 'nowych zgłoszeń' });

/** One digest per expert per commit: the applications newly assigned to them (impersonal, polite register). */
export function assignmentDigest(
  to: string,
  lang: 'pl' | 'en',
  editionName: string,
  institutions: string[],
  link: string,
): MailMessage {
  const pl = lang === 'pl';
  const n = institutions.length;
  const list = institutions.map((name) => `- ${name}`).join('\n');
  return {
    to,
    subject: pl
      ? `Nowe zgłoszenia do oceny (${n}) — ${editionName}`
      : `New applications to review (${n}) — ${editionName}`,
    text: pl
      ? `Dzień dobry,\n\nw konkursie „${editionName}” przydzielono do oceny ${newApplicationsPl(n)}:\n\n${list}\n\nJeśli zachodzi konflikt interesów, prosimy zgłosić go na liście przydziałów: ${link}`
      : `Hello,\n\n${countEn(n, 'new application', 'new applications')} in "${editionName}" ${n === 1 ? 'was' : 'were'} assigned to you:\n\n${list}\n\nIf you have a conflict of interest, please declare it from your list: ${link}`,
  };
}
