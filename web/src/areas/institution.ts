/** The institution's chunk: its profile and members, its applications, its own results and its residents' surveys. */
export { ApplicationPage } from '../pages/applications/ApplicationPage';
export { ApplicationsPage } from '../pages/applications/ApplicationsPage';
export { InstitutionPage } from '../pages/InstitutionPage';
export { OwnResultPage } from '../pages/results/OwnResultPage';
export { SurveyResultsPage } from '../pages/surveys/SurveyResultsPage';
export { SurveysPage } from '../pages/surveys/SurveysPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';
export { FeedbackInboxPage } from '../pages/feedback/FeedbackInboxPage';
