import type { Deps } from '../deps';
import type { SurveyComment } from './survey';
import { getCounts, getOwnSurvey, listComments } from './survey-store';

export interface SurveyCommentsPage {
  items: SurveyComment[];
  cursor: string | null;
  /** The survey's answers so far and its minimum: below it no comment is shown (the figures' privacy rule). */
  n: number;
  minAnswers: number;
  shown: boolean;
}

/**
 * The survey's comments for moderation (issue 18 §3), newest day first, hidden ones too (marked, so
 * they can be shown again). Below the survey's minimum number of answers nothing is listed: a comment
 * among a handful of answers points at its author as surely as a figure would.
 */
export async function listSurveyComments(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string; surveyId: string; limit: number; cursor?: string },
): Promise<SurveyCommentsPage> {
  const [survey, counts] = await Promise.all([
    getOwnSurvey(deps.store, input.institutionId, input.surveyId),
    getCounts(deps.store, input.surveyId),
  ]);
  const base = { n: counts.all.n, minAnswers: survey.minAnswers };
  if (counts.all.n < survey.minAnswers) return { items: [], cursor: null, ...base, shown: false };
  const page = await listComments(deps.store, survey.surveyId, { limit: input.limit, cursor: input.cursor });
  return { ...page, ...base, shown: true };
}
