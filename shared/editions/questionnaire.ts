import * as z from 'zod/mini';
import { code, localized, type Message } from './localized';
import { countPl } from '../plural';
import { isSurveyChoice, SurveySnapshot } from '../surveys/survey-snapshot';

/**
 * The contest questionnaire: sections → questions. The definition is the one source of truth for
 * answer validation: the server validates every save and submit with `answerProblem` /
 * `submissionProblems`, and the web form imports the same functions.
 */
export const questionTypes = [
  'shortText',
  'longText',
  'number',
  'singleChoice',
  'multipleChoice',
  'yesNo',
  'date',
  'file',
  /** Evidence (issue 18 §5): a frozen snapshot of one of the institution's own satisfaction surveys. */
  'surveyResults',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** File types an attachment question may allow, each recognised by its content (see file-type.ts). */
export const fileKinds = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'odt'] as const;
export type FileKind = (typeof fileKinds)[number];

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 20_000;
export const FILE_MAX_BYTES = 20 * 1024 * 1024;
export const FILES_PER_QUESTION = 10;

const Option = z.object({ value: code, label: localized(300) });

export const Question = z.object({
  id: code,
  type: z.enum(questionTypes),
  label: localized(1000),
  help: z.optional(localized(2000)),
  required: z.boolean(),
  /** shortText / longText: character limit (shown live in the form). */
  maxLength: z.optional(z.number().check(z.int(), z.gte(1), z.lte(LONG_TEXT_MAX))),
  /** number: bounds; integer only unless `decimals`. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  decimals: z.optional(z.boolean()),
  /** singleChoice / multipleChoice. */
  options: z.optional(z.array(Option).check(z.maxLength(50))),
  /** file: allowed kinds and size limit. */
  allowedTypes: z.optional(z.array(z.enum(fileKinds)).check(z.minLength(1))),
  maxSizeBytes: z.optional(z.number().check(z.int(), z.gte(1024), z.lte(FILE_MAX_BYTES))),
});
export type Question = z.infer<typeof Question>;

export const Section = z.object({
  id: code,
  title: localized(300),
  description: z.optional(localized(4000)),
  questions: z.array(Question).check(z.maxLength(60)),
});
export type Section = z.infer<typeof Section>;

export const Questionnaire = z.object({ sections: z.array(Section).check(z.maxLength(30)) });
export type Questionnaire = z.infer<typeof Questionnaire>;

export const emptyQuestionnaire = (): Questionnaire => ({ sections: [] });
export const questionCount = (q: Questionnaire) => q.sections.reduce((n, s) => n + s.questions.length, 0);

/** Structural rules of a definition: unique ids, options where choices need them, sane bounds. */
export function questionnaireProblems(q: Questionnaire): Record<string, Message> {
  const problems: Record<string, Message> = {};
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  q.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) problems[`sections.${s}.id`] = duplicateId(section.id);
    sectionIds.add(section.id);
    section.questions.forEach((question, i) => {
      const at = `sections.${s}.questions.${i}`;
      if (questionIds.has(question.id)) problems[`${at}.id`] = duplicateId(question.id);
      questionIds.add(question.id);
      const choice = question.type === 'singleChoice' || question.type === 'multipleChoice';
      if (choice && (question.options?.length ?? 0) < 2) {
        problems[`${at}.options`] = {
          pl: 'Pytanie wyboru potrzebuje co najmniej dwóch odpowiedzi.',
          en: 'A choice question needs at least two options.',
        };
      }
      if (choice && new Set(question.options?.map((o) => o.value)).size !== (question.options?.length ?? 0)) {
        problems[`${at}.options`] = { pl: 'Wartości odpowiedzi muszą być różne.', en: 'Option values must differ.' };
      }
      if (
        question.type === 'number' &&
        question.min !== undefined &&
        question.max !== undefined &&
        question.min > question.max
      ) {
        problems[`${at}.max`] = { pl: 'Maksimum jest mniejsze niż minimum.', en: 'The maximum is below the minimum.' };
      }
      if (question.type === 'shortText' && (question.maxLength ?? 0) > SHORT_TEXT_MAX) {
        problems[`${at}.maxLength`] = {
          pl: `Krótka odpowiedź ma najwyżej ${SHORT_TEXT_MAX} znaków.`,
          en: `A short answer has at most ${SHORT_TEXT_MAX} characters.`,
        };
      }
    });
  });
  return problems;
}

function duplicateId(id: string): Message {
  return { pl: `Identyfikator „${id}” występuje więcej niż raz.`, en: `The id "${id}" is used more than once.` };
}

/**
 * Answer values as stored: text, number, choice value(s), yes/no, a YYYY-MM-DD day, a survey snapshot.
 * File questions are answered by attachments.
 */
export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), SurveySnapshot]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

export const textLimit = (q: Question) => q.maxLength ?? (q.type === 'shortText' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
export const fileLimit = (q: Question) => q.maxSizeBytes ?? 10 * 1024 * 1024;
export const fileTypes = (q: Question): readonly FileKind[] => q.allowedTypes ?? ['pdf'];

/** Whether a value counts as an answer at all (empty text or an empty choice list does not). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const isDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/**
 * What is wrong with one (present) answer, or null. Required-ness is not checked here: a draft may
 * leave questions open; `submissionProblems` checks it at submit.
 */
export function answerProblem(q: Question, value: unknown): Message | null {
  switch (q.type) {
    case 'shortText':
    case 'longText': {
      if (typeof value !== 'string') return expected('tekst', 'text');
      const limit = textLimit(q);
      const length = [...value].length;
      if (length > limit)
        return {
          pl: `Odpowiedź ma ${countPl(length, { one: 'znak', few: 'znaki', many: 'znaków' })}, a limit to ${limit}.`,
          en: `The answer has ${length} characters; the limit is ${limit}.`,
        };
      if (q.type === 'shortText' && /[\r\n]/.test(value))
        return { pl: 'Krótka odpowiedź mieści się w jednym wierszu.', en: 'A short answer fits on one line.' };
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return expected('liczbę', 'a number');
      if (!q.decimals && !Number.isInteger(value))
        return { pl: 'Podaj liczbę całkowitą.', en: 'Enter a whole number.' };
      if (q.min !== undefined && value < q.min)
        return { pl: `Najmniejsza dozwolona wartość to ${q.min}.`, en: `The smallest allowed value is ${q.min}.` };
      if (q.max !== undefined && value > q.max)
        return { pl: `Największa dozwolona wartość to ${q.max}.`, en: `The largest allowed value is ${q.max}.` };
      return null;
    }
    case 'singleChoice': {
      if (typeof value !== 'string') return expected('jedną z odpowiedzi', 'one of the options');
      return q.options?.some((o) => o.value === value) ? null : notAnOption;
    }
    case 'multipleChoice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return expected('listę odpowiedzi', 'a list of options');
      if (new Set(value).size !== value.length)
        return { pl: 'Odpowiedź wybrano dwa razy.', en: 'An option is chosen twice.' };
      return value.every((v) => q.options?.some((o) => o.value === v)) ? null : notAnOption;
    }
    case 'yesNo':
      return typeof value === 'boolean' ? null : expected('tak lub nie', 'yes or no');
    case 'date':
      return typeof value === 'string' && isDay(value)
        ? null
        : { pl: 'Podaj datę w postaci RRRR-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' };
    case 'file':
      return {
        pl: 'Plik dodaje się przyciskiem „Dodaj plik”, nie w treści odpowiedzi.',
        en: 'Files are added with "Add file", not in the answer.',
      };
    // Whether the survey is the institution's own is checked by the server when it takes the snapshot.
    case 'surveyResults':
      return isSurveyChoice(value) ? null : expected('badanie z listy', 'a survey from the list');
  }
}

const notAnOption: Message = { pl: 'Tej odpowiedzi nie ma na liście.', en: 'This option is not on the list.' };
function expected(pl: string, en: string): Message {
  return { pl: `Oczekiwano: ${pl}.`, en: `Expected ${en}.` };
}

export const requiredMissing: Message = {
  pl: 'Odpowiedź na to pytanie jest wymagana.',
  en: 'This question must be answered.',
};

/** Problems of a section's answers as saved (unknown questions, wrong types, too long), keyed by question id. */
export function sectionAnswerProblems(section: Section, answers: Record<string, unknown>): Record<string, Message> {
  const problems: Record<string, Message> = {};
  const byId = new Map(section.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      problems[id] = { pl: 'Nie ma takiego pytania w tej części.', en: 'There is no such question in this section.' };
      continue;
    }
    if (value === null || (typeof value === 'string' && value === '')) continue; // cleared
    const problem = answerProblem(q, value);
    if (problem) problems[id] = problem;
  }
  return problems;
}

/** Drops cleared answers so the stored map holds only real answers. */
export function cleanAnswers(answers: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers))
    if (isAnswered(value as AnswerValue)) out[id] = value as AnswerValue;
  return out;
}

export interface SectionProgress {
  sectionId: string;
  answered: number;
  questions: number;
  requiredAnswered: number;
  required: number;
  complete: boolean;
}

/** Completeness per section; file questions count as answered when they have a ready attachment. */
export function progress(
  q: Questionnaire,
  answers: Record<string, Answers>,
  filesByQuestion: Record<string, number>,
): SectionProgress[] {
  return q.sections.map((s) => {
    const given = answers[s.id] ?? {};
    const done = (question: Question) =>
      question.type === 'file' ? (filesByQuestion[question.id] ?? 0) > 0 : isAnswered(given[question.id]);
    const required = s.questions.filter((x) => x.required);
    const requiredAnswered = required.filter(done).length;
    return {
      sectionId: s.id,
      answered: s.questions.filter(done).length,
      questions: s.questions.length,
      requiredAnswered,
      required: required.length,
      complete: requiredAnswered === required.length,
    };
  });
}

export interface SubmissionProblem {
  sectionId: string;
  questionId: string;
  message: Message;
}

/** Everything that stops a submission: missing required answers and invalid stored ones, in questionnaire order. */
export function submissionProblems(
  q: Questionnaire,
  answers: Record<string, Answers>,
  filesByQuestion: Record<string, number>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const s of q.sections) {
    const given = answers[s.id] ?? {};
    for (const question of s.questions) {
      if (question.type === 'file') {
        if (question.required && (filesByQuestion[question.id] ?? 0) === 0)
          problems.push({ sectionId: s.id, questionId: question.id, message: requiredMissing });
        continue;
      }
      const value = given[question.id];
      if (!isAnswered(value)) {
        if (question.required) problems.push({ sectionId: s.id, questionId: question.id, message: requiredMissing });
        continue;
      }
      const problem = answerProblem(question, value);
      if (problem) problems.push({ sectionId: s.id, questionId: question.id, message: problem });
    }
  }
  return problems;
}
