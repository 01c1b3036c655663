import { describe, expect, it } from 'vitest';
import { seedDemoEvidence } from '../../infra/local/demo-evidence';
import { findSection } from '../../shared/applications/section-store';
import { answerProblem } from '../../shared/editions/questionnaire';
import { sampleQuestionnaire } from '../../shared/editions/sample-edition';
import { findSurvey } from '../../shared/surveys/survey-store';
import { isSurveySnapshot } from '../../shared/surveys/survey-snapshot';
import { apiHarness, seedInstitution } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';

const { deps } = apiHarness();

describe('the demo’s survey evidence (issue 18 §5)', () => {
  it('gives the applicant a survey and its application a valid snapshot of it, keeping the other answers', async () => {
    const edition = await seedEdition(deps);
    const { member } = await seedInstitution(deps);
    const header = await seedApplication(deps, member, edition.editionId, { submit: true });
    const surveyId = await seedDemoEvidence(deps, header.applicationId);
    expect((await findSurvey(deps.store, surveyId))?.institutionId).toBe(header.institutionId);
    const quality = await findSection(deps.store, header.applicationId, 'quality');
    const snapshot = quality?.answers.quality_survey_results;
    if (!isSurveySnapshot(snapshot)) throw new Error('no snapshot stored');
    expect(snapshot).toMatchObject({ surveyId, n: 120, minAnswers: 10 });
    expect(snapshot.questions[0]?.figures.shown).toBe(true);
    expect(snapshot.months?.length).toBeGreaterThanOrEqual(6);
    expect(quality?.answers.quality_system).toBe('caf');
    const q = sampleQuestionnaire()
      .sections.flatMap((s) => s.questions)
      .find((x) => x.id === 'quality_survey_results');
    expect(q && answerProblem(q, snapshot)).toBeNull();
  }, 60_000);
});
