import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findInstitution } from '../institutions/institution-store';
import { DEFAULT_MIN_ANSWERS, type Survey, type SurveyDraft } from './survey';
import { putNewSurvey } from './survey-store';

export type CreateSurveyDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/**
 * An institution's new residents' survey (issue 18 §1): the standard aspects always, plus its own
 * questions; answers are taken from `opensOn` to `closesOn` (Warsaw days). The route's policy has
 * checked the caller belongs to the institution. The id is the public link's (`/ankieta/<id>`).
 */
export async function createSurvey(
  deps: CreateSurveyDeps,
  input: { caller: Caller; institutionId: string; draft: SurveyDraft },
): Promise<Survey> {
  const user = signedIn(input.caller);
  const institution = await findInstitution(deps.store, input.institutionId);
  if (!institution) throw new AppError('NOT_FOUND', 'No such institution');
  const survey: Survey = {
    surveyId: deps.ids.newId(),
    institutionId: input.institutionId,
    institutionName: institution.name,
    title: input.draft.title,
    opensOn: input.draft.opensOn,
    closesOn: input.draft.closesOn,
    ownQuestions: input.draft.ownQuestions,
    minAnswers: input.draft.minAnswers ?? DEFAULT_MIN_ANSWERS,
    createdAt: deps.clock.now().toISOString(),
    createdBy: user.userId,
    version: 1,
  };
  await putNewSurvey(deps.store, survey);
  return survey;
}
