import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read, send } from '../api';

/**
 * The resident's survey form (issue 18): its own small module, so the answer page — opened from a link
 * on a ticket, an e-mail footer or a poster's QR code, mostly on a phone — loads nothing else.
 */
export type PublicSurvey = InferResponseType<(typeof api.api.public.surveys)[':surveyId']['$get'], 200>;
export type SurveyAnswer = InferRequestType<(typeof api.api.public.surveys)[':surveyId']['answers']['$post']>['json'];

/** The answer page's address; `channel`/`matter` pre-fill the form (the link handed out after a contact). */
export const surveyPath = (surveyId: string) => `/ankieta/${encodeURIComponent(surveyId)}`;

export const readPublicSurvey = (surveyId: string, signal: AbortSignal) =>
  read(api.api.public.surveys[':surveyId'].$get({ param: { surveyId } }, { init: { signal } }));

export const sendSurveyAnswer = async ({ surveyId, answer }: { surveyId: string; answer: SurveyAnswer }) => {
  await send(api.api.public.surveys[':surveyId'].answers.$post({ param: { surveyId }, json: answer }));
};
