import type { MailMessage } from '../platform/mailer';

/** One digest per expert per commit: the applications newly assigned to them. */
export function assignmentDigest(
  to: string,
  lang: 'pl' | 'en',
  editionName: string,
  institutions: string[],
  link: string,
): MailMessage {
  const pl = lang === 'pl';
  const list = institutions.map((name) => `- ${name}`).join('\n');
  return {
    to,
    subject: pl
      ? `Nowe zgłoszenia do oceny (${institutions.length}) — ${editionName}`
      : `New applications to review (${institutions.length}) — ${editionName}`,
    text: pl
      ? `Przydzielono Pani/Panu ${institutions.length} nowych zgłoszeń w konkursie „${editionName}”:\n\n${list}\n\nJeśli zachodzi konflikt interesów, zgłoś go na liście: ${link}`
      : `${institutions.length} new application(s) in "${editionName}" were assigned to you:\n\n${list}\n\nIf you have a conflict of interest, declare it from your list: ${link}`,
  };
}
