import type { Deps } from '../deps';
import { type Survey, standardAspects } from './survey';
import type { SliceCounts, SurveyCounts } from './survey-counts';
import { type AspectFigures, aspectFigures, emptyHistogram } from './survey-statistics';
import { getCounts, getOwnSurvey } from './survey-store';

/** One slice's figures: its n and every question's (each hidden below the survey's minimum). */
export interface SliceFigures {
  n: number;
  questions: Record<string, AspectFigures>;
}

export interface SurveyResults {
  survey: Survey;
  minAnswers: number;
  all: SliceFigures;
  /** Month by month, oldest first: the monthly review's trend. */
  months: ({ month: string } & SliceFigures)[];
  matters: ({ matter: string } & SliceFigures)[];
  channels: ({ channel: string } & SliceFigures)[];
}

/**
 * The institution's results (issue 18 §3): per question n, mean, % satisfied (4–5) with its 95 %
 * Wilson interval and the distribution; the same by month, matter and channel. Two GetItems (the
 * survey, its counts) whatever the number of answers — no recount, no Scan.
 */
export async function getSurveyResults(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string; surveyId: string },
): Promise<SurveyResults> {
  const [survey, counts] = await Promise.all([
    getOwnSurvey(deps.store, input.institutionId, input.surveyId),
    getCounts(deps.store, input.surveyId),
  ]);
  return surveyResults(survey, counts);
}

/** Pure: the figures of a survey's counts. */
export function surveyResults(survey: Survey, counts: SurveyCounts): SurveyResults {
  const questions = [...standardAspects, ...survey.ownQuestions.map((q) => q.id)];
  const figures = (slice: SliceCounts): SliceFigures => ({
    n: slice.n,
    questions: Object.fromEntries(
      questions.map((q) => [q, aspectFigures(slice.questions[q] ?? emptyHistogram(), survey.minAnswers)]),
    ),
  });
  return {
    survey,
    minAnswers: survey.minAnswers,
    all: figures(counts.all),
    months: Object.entries(counts.month)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, slice]) => ({ month, ...figures(slice) })),
    matters: Object.entries(counts.matter).map(([matter, slice]) => ({ matter, ...figures(slice) })),
    channels: Object.entries(counts.channel).map(([channel, slice]) => ({ channel, ...figures(slice) })),
  };
}
