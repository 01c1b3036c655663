import { describe, expect, it } from 'vitest';
import { getSurveyResults } from '../../shared/surveys/get-survey-results';
import { listAnswers } from '../../shared/surveys/survey-store';
import { seedDemoSurvey } from '../../infra/local/demo-survey';
import { apiHarness, seedInstitution } from '../support/accounts';

const { deps } = apiHarness();

describe('the demo office’s survey (issue 18 §9)', () => {
  it('has a few hundred answers over six months, every month shown, and waiting improving', async () => {
    const { institutionId, member } = await seedInstitution(deps);
    const surveyId = await seedDemoSurvey(deps, { ...member, institutionId });
    const results = await getSurveyResults(deps, { institutionId, surveyId });
    expect(results.all.n).toBe(360);
    expect(results.months.length).toBeGreaterThanOrEqual(6);
    expect(results.months.reduce((s, m) => s + m.n, 0)).toBe(360);
    for (const month of results.months) expect(month.questions.waiting?.shown, month.month).toBe(true);
    const satisfied = (i: number) => {
      const figures = results.months.at(i)?.questions.waiting;
      return figures?.shown ? figures.satisfied : Number.NaN;
    };
    expect(satisfied(-1)).toBeGreaterThan(satisfied(0));
    expect(results.matters.length).toBeGreaterThan(3);
    const page = await listAnswers(deps.store, surveyId, { limit: 100 });
    expect(page.items.some((a) => a.comment)).toBe(true);
  }, 60_000);
});
