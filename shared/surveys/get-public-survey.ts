import type { Deps } from '../deps';
import { AppError } from '../errors';
import { contactChannels, contactMatters, isOpenOn, standardAspects, type Survey, warsawDate } from './survey';
import { findSurvey } from './survey-store';

/** What a resident's phone needs to show the form: no counts, no settings beyond the questions. */
export interface PublicSurvey {
  surveyId: string;
  institutionName: string;
  title: Survey['title'];
  aspects: typeof standardAspects;
  ownQuestions: Survey['ownQuestions'];
  matters: typeof contactMatters;
  channels: typeof contactChannels;
  opensOn: string;
  closesOn: string;
  open: boolean;
}

/** The public answer page's survey (one GetItem); a closed survey still shows, saying it is closed. */
export async function getPublicSurvey(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { surveyId: string },
): Promise<PublicSurvey> {
  const survey = await findSurvey(deps.store, input.surveyId);
  if (!survey) throw new AppError('NOT_FOUND', 'No such survey');
  return {
    surveyId: survey.surveyId,
    institutionName: survey.institutionName,
    title: survey.title,
    aspects: standardAspects,
    ownQuestions: survey.ownQuestions,
    matters: contactMatters,
    channels: contactChannels,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    open: isOpenOn(survey, warsawDate(deps.clock.now())),
  };
}
