import type { ApplicationHeader, Attachment } from '../applications/application';
import type { Edition } from '../editions/edition';
import { inLanguage } from '../editions/localized';
import type { Answers, AnswerValue, Question } from '../editions/questionnaire';
import { isSurveySnapshot, snapshotSummary } from '../surveys/survey-snapshot';
import type { Language } from '../language';
import { exportLabels } from './export-labels';
import { type Cell, calendarDay, toCsv as csvText, warsawWallTime } from './spreadsheet';

/**
 * One row per application: identity and status columns, then one column per question in
 * questionnaire order. Headers and coded values in the organizer's language (issue 16 §1); the
 * submission moment as Warsaw wall time; numbers as numbers.
 */
export interface ExportTable {
  header: string[];
  rows: Cell[][];
  /** The column of the submission moment (a date cell in the XLSX). */
  dateColumn: number;
}

export interface ExportSource {
  header: ApplicationHeader;
  answers: Record<string, Answers>;
  attachments: Attachment[];
}

function cell(q: Question, value: AnswerValue | undefined, files: Attachment[], language: Language): Cell {
  const words = exportLabels[language];
  const option = (v: unknown) => {
    const found = q.options?.find((o) => o.value === v);
    return found ? inLanguage(found.label, language) : String(v);
  };
  if (q.type === 'file') return files.map((f) => f.fileName).join('; ');
  if (value === undefined) return null;
  if (isSurveySnapshot(value)) return snapshotSummary(value, language);
  if (q.type === 'yesNo') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map(option).join('; ');
  if (q.type === 'singleChoice') return option(value);
  if (q.type === 'number' && typeof value === 'number') return value;
  if (q.type === 'date' && typeof value === 'string') return calendarDay(value);
  return String(value);
}

/** The questions' column titles: their labels; a label used twice gets its section's title in front. */
function questionTitles(edition: Edition, language: Language) {
  const all = edition.questionnaire.sections.flatMap((s) =>
    s.questions.map((q) => ({ section: s, q, label: inLanguage(q.label, language) })),
  );
  const seen = new Map<string, number>();
  for (const x of all) seen.set(x.label, (seen.get(x.label) ?? 0) + 1);
  return all.map((x) => ({
    section: x.section.id,
    q: x.q,
    title: (seen.get(x.label) ?? 0) > 1 ? `${inLanguage(x.section.title, language)}: ${x.label}` : x.label,
  }));
}

export function exportTable(edition: Edition, sources: ExportSource[], language: Language = 'pl'): ExportTable {
  const words = exportLabels[language];
  const columns = words.applications;
  const questions = questionTitles(edition, language);
  const header = [
    columns.applicationId,
    columns.institution,
    columns.nip,
    columns.type,
    columns.voivodeship,
    columns.headcount,
    columns.status,
    columns.submittedAt,
    ...questions.map((x) => x.title),
  ];
  const rows = sources.map(({ header: h, answers, attachments }): Cell[] => [
    h.applicationId,
    h.institution.name,
    h.institution.nip,
    words.institutionType[h.institution.type],
    h.institution.voivodeship,
    words.headcount[h.institution.headcount],
    words.applicationStatus[h.status],
    h.submittedAt ? warsawWallTime(h.submittedAt) : null,
    ...questions.map(({ section, q }) =>
      cell(
        q,
        answers[section]?.[q.id],
        attachments.filter((a) => a.questionId === q.id && a.status === 'ready'),
        language,
      ),
    ),
  ]);
  return { header, rows, dateColumn: 7 };
}

/** The applications CSV (shared/exports/spreadsheet.ts: BOM, `;`, CRLF, formulas defused). */
export const toCsv = (table: Pick<ExportTable, 'header' | 'rows'>, language: Language = 'pl'): string =>
  csvText(table.header, table.rows, language);
