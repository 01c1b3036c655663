import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read, send } from '../api';

/** The standard measurement (issue 18 §4): an institution's opt-in, and the organizer's years. */
const institutionApi = api.api.institutions[':institutionId'].measurements;
const organizerApi = api.api.measurements;
export type InstitutionMeasurements = InferResponseType<(typeof institutionApi)['$get'], 200>;
export type MeasurementList = InferResponseType<(typeof organizerApi)['$get'], 200>;
export type MeasurementDetail = InferResponseType<(typeof organizerApi)[':year']['$get'], 200>;
export type MeasurementPreview = InferResponseType<(typeof organizerApi)[':year']['preview']['$get'], 200>;
export type OpenMeasurement = InferRequestType<(typeof organizerApi)['$post']>['json'];

export const measurementKeys = {
  institution: (institutionId: string) => ['measurements', 'institution', institutionId] as const,
  list: ['measurements'] as const,
  year: (year: number) => ['measurements', year] as const,
  preview: (year: number) => ['measurements', year, 'preview'] as const,
};

export const institutionMeasurementsQuery = (institutionId: string) =>
  queryOptions({
    queryKey: measurementKeys.institution(institutionId),
    queryFn: () => read(institutionApi.$get({ param: { institutionId } })),
  });

export function useSetParticipation(institutionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { year: number; participating: boolean }) =>
      (
        await send(
          institutionApi[':year'].participation.$put({
            param: { institutionId, year: String(input.year) },
            json: { participating: input.participating },
          }),
        )
      ).json(),
    onSuccess: () => client.invalidateQueries({ queryKey: measurementKeys.institution(institutionId) }),
  });
}

export const measurementsQuery = () =>
  queryOptions({ queryKey: measurementKeys.list, queryFn: () => read(organizerApi.$get()) });

export const measurementQuery = (year: number) =>
  queryOptions({
    queryKey: measurementKeys.year(year),
    queryFn: () => read(organizerApi[':year'].$get({ param: { year: String(year) } })),
  });

export const measurementPreviewQuery = (year: number) =>
  queryOptions({
    queryKey: measurementKeys.preview(year),
    queryFn: () => read(organizerApi[':year'].preview.$get({ param: { year: String(year) } })),
  });

export function useOpenMeasurement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: OpenMeasurement) => (await send(organizerApi.$post({ json: input }))).json(),
    onSuccess: () => client.invalidateQueries({ queryKey: measurementKeys.list }),
  });
}

export function usePublishMeasurement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (year: number) =>
      (await send(organizerApi[':year'].publish.$post({ param: { year: String(year) } }))).json(),
    onSuccess: () => client.invalidateQueries({ queryKey: measurementKeys.list }),
  });
}
