import type { Deps } from '../deps';
import { inLanguage } from '../editions/localized';
import type { Language } from '../language';
import { type Prefill, posterFileName, posterUrl } from './survey-poster';
import { renderPoster } from './survey-poster-pdf';
import { getOwnSurvey } from './survey-store';

/**
 * The survey's printable A4 poster (issue 18 §1): the office's name, the title, an invitation and a
 * QR code of the public answer link (absolute, on the site's public origin like a certificate's
 * verification link), pre-filled with a channel and a matter when the poster is for one desk. One
 * GetItem; rendered on request, nothing stored.
 */
export async function getSurveyPoster(
  deps: Pick<Deps, 'store' | 'clock' | 'settings'>,
  input: { institutionId: string; surveyId: string; prefill: Prefill; language: Language },
): Promise<{ body: Uint8Array; fileName: string }> {
  const survey = await getOwnSurvey(deps.store, input.institutionId, input.surveyId);
  const { language, prefill } = input;
  const body = await renderPoster(
    {
      institutionName: survey.institutionName,
      title: inLanguage(survey.title, language),
      url: posterUrl(deps.settings.publicOrigin, survey.surveyId, prefill),
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      language,
    },
    deps.clock.now(),
  );
  return { body, fileName: posterFileName(survey.surveyId, prefill, language) };
}
