import type { Deps } from '../deps';
import type { Answers, Question } from '../editions/questionnaire';
import { AppError } from '../errors';
import { type SurveyResults, getSurveyResults } from './get-survey-results';
import { standardAspects, warsawDate } from './survey';
import { isSurveyChoice, isSurveySnapshot, type SnapshotFigures, type SurveySnapshot } from './survey-snapshot';

/**
 * Pure: the frozen, dated snapshot of a survey's results (issue 18 §5) — per question (the standard
 * aspects, then the own ones with their wording) the overall figures, hidden below the minimum exactly
 * as on the results page, and the monthly trend. Built only from what `getSurveyResults` computed.
 */
export function surveySnapshot(results: SurveyResults, takenOn: string): SurveySnapshot {
  const { survey } = results;
  const ids = [...standardAspects, ...survey.ownQuestions.map((q) => q.id)];
  const own = new Map(survey.ownQuestions.map((q) => [q.id, q.text]));
  const figures = (slice: SurveyResults['all'], id: string): SnapshotFigures => {
    const f = slice.questions[id];
    if (!f?.shown) return { n: f?.n ?? 0, shown: false };
    const [d1, d2, d3, d4, d5] = f.distribution;
    return { ...f, interval: { ...f.interval }, distribution: [d1, d2, d3, d4, d5] };
  };
  return {
    kind: 'surveySnapshot',
    surveyId: survey.surveyId,
    title: survey.title,
    takenOn,
    minAnswers: results.minAnswers,
    n: results.all.n,
    questions: ids.map((id) => {
      const text = own.get(id);
      return { id, ...(text ? { text } : {}), figures: figures(results.all, id) };
    }),
    months: results.months.map((m) => ({
      month: m.month,
      n: m.n,
      questions: Object.fromEntries(ids.map((id) => [id, figures(m, id)])),
    })),
  };
}

export interface EvidenceInput {
  institutionId: string;
  /** The section's `surveyResults` questions that are answered in this save. */
  questions: readonly Question[];
  /** The answers as cleaned for storage; a survey question holds the client's choice. */
  answers: Answers;
  /** The answers stored before this save (null before the first): their snapshots stay frozen. */
  stored: Answers | null;
}

const notOwnSurvey = {
  pl: 'Można dołączyć tylko wyniki badania własnej instytucji.',
  en: 'Only the results of your own institution’s survey can be attached.',
};

/**
 * Replaces each survey choice by a snapshot the server builds. A choice naming the survey already
 * stored keeps the stored snapshot (autosave must not silently refresh it) unless `refresh` asks for
 * a new one; a new survey gets a new snapshot. Whatever figures the client sent are dropped. Another
 * institution's survey (or none) is 400 naming the answer. One GetItem pair per snapshot taken.
 */
export async function resolveSurveyEvidence(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: EvidenceInput,
): Promise<Answers> {
  const answers: Answers = { ...input.answers };
  const takenOn = warsawDate(deps.clock.now());
  for (const q of input.questions) {
    const choice = answers[q.id];
    if (!isSurveyChoice(choice)) continue; // validated before; nothing to resolve
    const kept = input.stored?.[q.id];
    if (!choice.refresh && isSurveySnapshot(kept) && kept.surveyId === choice.surveyId) {
      answers[q.id] = kept;
      continue;
    }
    const results = await getSurveyResults(deps, {
      institutionId: input.institutionId,
      surveyId: choice.surveyId,
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw new AppError('VALIDATION_FAILED', 'Not the institution’s survey', {
          fields: { [`answers.${q.id}`]: notOwnSurvey },
        });
      throw error;
    });
    answers[q.id] = surveySnapshot(results, takenOn);
  }
  return answers;
}
