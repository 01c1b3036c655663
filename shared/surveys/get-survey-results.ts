import type { Deps } from '../deps';
import { type Survey, standardAspects } from './survey';
import type { SliceCounts, SurveyCounts } from './survey-counts';
import { type AspectFigures, aspectFigures, emptyHistogram } from './survey-statistics';
import { getCounts, getOwnSurvey } from './survey-store';
import { compareCodeUnits } from '../text/polish-order';

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
  const all = figures(counts.all);
  const protect = <S extends SliceFigures>(slices: S[]) => protectBreakdown(all, slices, questions, survey.minAnswers);
  return {
    survey,
    minAnswers: survey.minAnswers,
    all,
    months: protect(
      Object.entries(counts.month)
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(([month, slice]) => ({ month, ...figures(slice) })),
    ),
    matters: protect(Object.entries(counts.matter).map(([matter, slice]) => ({ matter, ...figures(slice) }))),
    channels: protect(Object.entries(counts.channel).map(([channel, slice]) => ({ channel, ...figures(slice) }))),
  };
}

/**
 * Secondary suppression: a hidden slice must not be recoverable as the total minus the slices shown
 * (every answer has one month; the rest of a matter or channel breakdown is "not said"). For each
 * question, while what the shown slices leave of the total is more than nothing but fewer than the
 * minimum, the smallest shown slice is hidden too — so a difference only ever reveals a sum of at least
 * `minAnswers` answers.
 */
export function protectBreakdown<S extends SliceFigures>(
  all: SliceFigures,
  slices: S[],
  questions: readonly string[],
  minAnswers: number,
): S[] {
  const out = slices.map((s) => ({ ...s, questions: { ...s.questions } }));
  for (const q of questions) {
    const total = all.questions[q];
    if (!total?.shown) continue; // then no slice of it is shown either (each is a part of the total)
    const shown = () => out.filter((s) => s.questions[q]?.shown);
    let rest = total.n - shown().reduce((sum, s) => sum + (s.questions[q]?.n ?? 0), 0);
    while (rest > 0 && rest < minAnswers) {
      const smallest = shown().sort((a, b) => (a.questions[q]?.n ?? 0) - (b.questions[q]?.n ?? 0))[0];
      if (!smallest) break;
      const n = smallest.questions[q]?.n ?? 0;
      smallest.questions[q] = { n, shown: false };
      rest += n;
    }
  }
  return out;
}
