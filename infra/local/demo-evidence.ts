import { getHeader } from '../../shared/applications/application-store';
import { findSection, sectionItem } from '../../shared/applications/section-store';
import type { Deps } from '../../shared/deps';
import { getSurveyResults } from '../../shared/surveys/get-survey-results';
import { type Survey, warsawDate } from '../../shared/surveys/survey';
import { surveySnapshot } from '../../shared/surveys/survey-evidence';
import { putNewSurvey, recordAnswer } from '../../shared/surveys/survey-store';
import { demoAnswers } from './demo-survey';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Survey results as evidence (issue 18 §5) in the demo: the applicant of one of the demo expert's
 * applications ran a residents' survey (120 answers over six months), and its application's "Polityka
 * jakości" section carries a snapshot of it, taken by the same builder the autosave uses — so the demo
 * expert sees the figures and charts in the application at once. The application is past submission,
 * so the seed writes the section item itself, as the demo applications are written.
 */
export async function seedDemoEvidence(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  applicationId: string,
): Promise<string> {
  const now = deps.clock.now();
  const header = await getHeader(deps.store, applicationId, true);
  const survey: Survey = {
    surveyId: deps.ids.newId(),
    institutionId: header.institutionId,
    institutionName: header.institution.name,
    title: { pl: 'Badanie satysfakcji klientów urzędu', en: 'Customer satisfaction survey' },
    opensOn: warsawDate(new Date(now.getTime() - 183 * DAY)),
    closesOn: warsawDate(new Date(now.getTime() + 183 * DAY)),
    ownQuestions: [{ id: 'q1', text: { pl: 'Czy wiedzieli Państwo, jakie dokumenty zabrać?' } }],
    minAnswers: 10,
    createdAt: new Date(now.getTime() - 183 * DAY).toISOString(),
    createdBy: 'demo',
    version: 1,
  };
  await putNewSurvey(deps.store, survey);
  const answers = demoAnswers(now, 120);
  for (let i = 0; i < answers.length; i += 20)
    await Promise.all(answers.slice(i, i + 20).map((a) => recordAnswer(deps.store, survey.surveyId, a)));
  const snapshot = surveySnapshot(
    await getSurveyResults(deps, { institutionId: header.institutionId, surveyId: survey.surveyId }),
    warsawDate(now),
  );
  const quality = await findSection(deps.store, applicationId, 'quality');
  await deps.store.put(
    sectionItem(applicationId, {
      sectionId: 'quality',
      answers: { ...quality?.answers, quality_survey_results: snapshot },
      version: (quality?.version ?? 0) + 1,
      updatedAt: now.toISOString(),
      updatedBy: 'demo',
    }),
  );
  return survey.surveyId;
}
