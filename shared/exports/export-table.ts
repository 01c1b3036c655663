import type { ApplicationHeader, Attachment } from '../applications/application';
import type { Edition } from '../editions/edition';
import type { Answers, AnswerValue, Question } from '../editions/questionnaire';

/** One row per application: identity and status columns, then one column per question in questionnaire order. */
export interface ExportTable {
  header: string[];
  rows: string[][];
}

export interface ExportSource {
  header: ApplicationHeader;
  answers: Record<string, Answers>;
  attachments: Attachment[];
}

function cell(q: Question, value: AnswerValue | undefined, files: Attachment[]): string {
  if (q.type === 'file') return files.map((f) => f.fileName).join('; ');
  if (value === undefined) return '';
  if (q.type === 'yesNo') return value ? 'tak' : 'nie';
  if (Array.isArray(value)) return value.map((v) => q.options?.find((o) => o.value === v)?.label.pl ?? v).join('; ');
  if (q.type === 'singleChoice') return q.options?.find((o) => o.value === value)?.label.pl ?? String(value);
  return String(value);
}

export function exportTable(edition: Edition, sources: ExportSource[]): ExportTable {
  const questions = edition.questionnaire.sections.flatMap((s) => s.questions.map((q) => ({ section: s.id, q })));
  const header = [
    'applicationId',
    'institution',
    'nip',
    'type',
    'voivodeship',
    'headcount',
    'status',
    'submittedAt',
    ...questions.map(({ q }) => `${q.id}: ${q.label.pl}`),
  ];
  const rows = sources.map(({ header: h, answers, attachments }) => [
    h.applicationId,
    h.institution.name,
    h.institution.nip,
    h.institution.type,
    h.institution.voivodeship,
    h.institution.headcount,
    h.status,
    h.submittedAt ?? '',
    ...questions.map(({ section, q }) =>
      cell(
        q,
        answers[section]?.[q.id],
        attachments.filter((a) => a.questionId === q.id && a.status === 'ready'),
      ),
    ),
  ]);
  return { header, rows };
}

/**
 * RFC 4180 CSV with a BOM (so Excel reads Polish letters). Cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) are prefixed with an apostrophe: answers are untrusted text.
 */
export function toCsv(table: ExportTable): string {
  const quote = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[table.header, ...table.rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
