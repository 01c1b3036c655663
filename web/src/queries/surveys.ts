import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read, send } from '../api';

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
