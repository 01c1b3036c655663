import { inLanguage } from '../editions/localized';
import type { Edition } from '../editions/edition';
import type { Answers, AnswerValue, Question } from '../editions/questionnaire';
import { isSurveySnapshot, snapshotSummary } from '../surveys/survey-snapshot';
import type { MailMessage } from '../platform/mailer';
import { formatWarsaw, type ApplicationHeader, type Attachment } from './application';
import type { Language } from '../language';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function shown(q: Question, value: AnswerValue | undefined, files: Attachment[], lang: Language): string {
  const none = lang === 'pl' ? '—' : '—';
  if (q.type === 'file')
    return files.length ? files.map((f) => `${f.fileName} (${Math.ceil(f.size / 1024)} KB)`).join(', ') : none;
  if (value === undefined) return none;
  if (isSurveySnapshot(value)) return snapshotSummary(value, lang);
  if (q.type === 'yesNo') return value ? (lang === 'pl' ? 'tak' : 'yes') : lang === 'pl' ? 'nie' : 'no';
  if (q.type === 'singleChoice' || q.type === 'multipleChoice') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return chosen
      .map((v) => {
        const o = q.options?.find((x) => x.value === v);
        return o ? inLanguage(o.label, lang) : v;
      })
      .join(', ');
  }
  return String(value);
}

/** The confirmation: what was submitted, answer by answer, as text and HTML, in the clerk's language. */
export function submissionConfirmation(
  to: string,
  lang: Language,
  edition: Edition,
  header: ApplicationHeader,
  answers: Record<string, Answers>,
  attachments: Attachment[],
  link: string,
): MailMessage {
  const when = formatWarsaw(header.submittedAt ?? header.updatedAt)[lang];
  const subject =
    lang === 'pl' ? `Potwierdzenie złożenia zgłoszenia — ${edition.name}` : `Application submitted — ${edition.name}`;
  const intro =
    lang === 'pl'
      ? `Zgłoszenie instytucji ${header.institution.name} do konkursu „${edition.name}” (${edition.number}) zostało złożone ${when}.`
      : `The application of ${header.institution.name} to "${edition.name}" (${edition.number}) was submitted on ${when}.`;
  const text: string[] = [intro, '', lang === 'pl' ? `Podgląd: ${link}` : `View it: ${link}`, ''];
  const html: string[] = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
  ];
  for (const s of edition.questionnaire.sections) {
    const title = inLanguage(s.title, lang);
    text.push(`== ${title} ==`);
    html.push(`<h2>${escapeHtml(title)}</h2><dl>`);
    for (const q of s.questions) {
      const value = shown(
        q,
        answers[s.id]?.[q.id],
        attachments.filter((a) => a.questionId === q.id),
        lang,
      );
      text.push(`${inLanguage(q.label, lang)}: ${value}`);
      html.push(
        `<dt><strong>${escapeHtml(inLanguage(q.label, lang))}</strong></dt><dd style="white-space:pre-wrap">${escapeHtml(value)}</dd>`,
      );
    }
    text.push('');
    html.push('</dl>');
  }
  return {
    to,
    subject,
    text: text.join('\n'),
    html: `<!doctype html><html lang="${lang}"><body>${html.join('\n')}</body></html>`,
  };
}
