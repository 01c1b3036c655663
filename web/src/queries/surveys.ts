import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read, send } from '../api';
import { cursorParam, type PagePosition } from './pages';

/** An institution's residents' surveys (issue 18): its list, setting one up, and a survey's figures. */
const surveysApi = api.api.institutions[':institutionId'].surveys;
export type SurveyDraft = InferRequestType<(typeof surveysApi)['$post']>['json'];
export type Survey = InferResponseType<(typeof surveysApi)['$post'], 201>;
export type SurveyResults = InferResponseType<(typeof surveysApi)[':surveyId']['results']['$get'], 200>;
export type QuestionFigures = SurveyResults['all']['questions'][string];

export const surveyKeys = {
  list: (institutionId: string) => ['surveys', institutionId] as const,
  results: (institutionId: string, surveyId: string) => ['surveys', institutionId, surveyId, 'results'] as const,
};

export const surveysQuery = (institutionId: string) =>
  queryOptions({
    queryKey: surveyKeys.list(institutionId),
    queryFn: () => read(surveysApi.$get({ param: { institutionId }, query: { limit: '100' } })),
  });

export const surveyResultsQuery = (institutionId: string, surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.results(institutionId, surveyId),
    queryFn: () => read(surveysApi[':surveyId'].results.$get({ param: { institutionId, surveyId } })),
  });

export function useCreateSurvey(institutionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (draft: SurveyDraft) =>
      (await send(surveysApi.$post({ param: { institutionId }, json: draft }))).json() as Promise<Survey>,
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.list(institutionId) }),
  });
}

/** A survey's comments for moderation (issue 18 §3): a page, hidden ones marked; none below the minimum. */
const commentsApi = surveysApi[':surveyId'].comments;
export type SurveyCommentsPage = InferResponseType<(typeof commentsApi)['$get'], 200>;
export type SurveyComment = SurveyCommentsPage['items'][number];

export const surveyCommentsQuery = (institutionId: string, surveyId: string, at: PagePosition) =>
  queryOptions({
    queryKey: ['surveys', institutionId, surveyId, 'comments', at.cursor ?? null] as const,
    queryFn: () => read(commentsApi.$get({ param: { institutionId, surveyId }, query: cursorParam(at) })),
  });

/** Hide a comment or show it again; the pages of the survey's comments are read again after. */
export function useSetCommentHidden(institutionId: string, surveyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { answerId: string; hidden: boolean }) =>
      (
        await send(
          commentsApi[':answerId'].hidden.$put({
            param: { institutionId, surveyId, answerId: input.answerId },
            json: { hidden: input.hidden },
          }),
        )
      ).json() as Promise<SurveyComment>,
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', institutionId, surveyId, 'comments'] }),
  });
}

/** The results workbook (a plain link: the browser downloads the attachment with the session cookie). */
export const surveyWorkbookHref = (institutionId: string, surveyId: string) =>
  `/api/institutions/${encodeURIComponent(institutionId)}/surveys/${encodeURIComponent(surveyId)}/results.xlsx`;
