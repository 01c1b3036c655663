import * as z from 'zod/mini';
import {
  Measurement,
  Participant,
  PublishedRanking,
  RankingSchema,
  measurementStatuses,
} from '../../measurement/measurement';
import { component } from '../openapi/component-names';

export const MeasurementSchema = component('Measurement', Measurement);
export const MeasurementList = component('MeasurementList', z.object({ items: z.array(MeasurementSchema) }));
export const MeasurementDetail = component(
  'MeasurementDetail',
  z.object({ measurement: MeasurementSchema, participants: z.array(component('MeasurementParticipant', Participant)) }),
);
/** Per institution type: rank, movement, % satisfied with its 95 % interval and n; too few answers unranked. */
export const MeasurementRanking = component('MeasurementRanking', RankingSchema);
export const PublishedMeasurementRanking = component('PublishedMeasurementRanking', PublishedRanking);

const Participation = z.object({
  year: z.number(),
  participating: z.boolean(),
  optedInAt: z.optional(z.string()),
});
export const MeasurementParticipation = component('MeasurementParticipation', Participation);
export const InstitutionMeasurementList = component(
  'InstitutionMeasurementList',
  z.object({
    items: z.array(z.extend(Participation, { status: z.enum(measurementStatuses), minAnswers: z.number() })),
  }),
);
