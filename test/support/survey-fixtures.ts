import type { Survey } from '../../shared/surveys/survey';

/** A survey as stored, for pure and web tests that need one without the table (override what matters). */
export const storedSurvey = (overrides: Partial<Survey> = {}): Survey => ({
  surveyId: '01J0SURVEY',
  institutionId: 'inst-1',
  institutionName: 'Urząd Miasta',
  title: { pl: 'Obsługa w BOK', en: 'Service at the desk' },
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  ownQuestions: [{ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' } }],
  minAnswers: 5,
  createdAt: '2026-01-01T08:00:00.000Z',
  createdBy: 'u-1',
  version: 1,
  ...overrides,
});
