import * as z from 'zod/mini';
import { AspectFiguresSchema } from './aspect-figures-schema';

/**
 * Survey results as evidence in an application (issue 18 §5): a frozen, dated copy of a survey's
 * figures, stored as the answer of a `surveyResults` question. The server builds it from the
 * survey's counts (`survey-evidence.ts`); figures a client sends are never read. Only zod here: the
 * questionnaire (loaded with every autosave) validates stored answers with it, the builder is lazy.
 */

const Figures = AspectFiguresSchema;
export type SnapshotFigures = z.infer<typeof Figures>;

const Text = z.object({ pl: z.string(), en: z.optional(z.string()) });

export const SnapshotQuestion = z.object({
  /** A standard aspect (`waiting`, `usefulness`, `engagement`; labels in the web locales) or an own question (`q1`…). */
  id: z.string(),
  /** An own question's wording as it was when the snapshot was taken. */
  text: z.optional(Text),
  figures: Figures,
});
export type SnapshotQuestion = z.infer<typeof SnapshotQuestion>;

export const SurveySnapshot = z.object({
  kind: z.literal('surveySnapshot'),
  surveyId: z.string(),
  title: Text,
  /** The Europe/Warsaw day the snapshot was taken: "snapshot of <day>". */
  takenOn: z.string(),
  minAnswers: z.number(),
  n: z.number(),
  questions: z.array(SnapshotQuestion),
  /** The monthly trend, oldest first, each question's figures (hidden below the minimum as in the results). */
  months: z.optional(z.array(z.object({ month: z.string(), n: z.number(), questions: z.record(z.string(), Figures) }))),
});
export type SurveySnapshot = z.infer<typeof SurveySnapshot>;

/** What a client may send for a `surveyResults` question: which survey, and whether to take a new snapshot. */
export interface SurveyChoice {
  surveyId: string;
  refresh?: boolean;
}

const surveyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Is the value a choice of a survey (a bare choice, or a stored snapshot sent back unchanged)? */
export function isSurveyChoice(value: unknown): value is SurveyChoice {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { surveyId, refresh } = value as Record<string, unknown>;
  return (
    typeof surveyId === 'string' &&
    surveyIdPattern.test(surveyId) &&
    (refresh === undefined || typeof refresh === 'boolean')
  );
}

export const isSurveySnapshot = (value: unknown): value is SurveySnapshot => SurveySnapshot.safeParse(value).success;

/** One line for plain-text places (the submission mail, the export): the survey, the day, n. */
export function snapshotSummary(s: SurveySnapshot, lang: 'pl' | 'en'): string {
  const title = lang === 'en' && s.title.en ? s.title.en : s.title.pl;
  return lang === 'en'
    ? `${title} — snapshot of ${s.takenOn}, n = ${s.n}`
    : `${title} — migawka z ${s.takenOn}, n = ${s.n}`;
}
