import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import {
  Measurement,
  Participant,
  PublishedRanking,
  RankingSchema,
  measurementStatuses,
} from '../../measurement/measurement';
import { component, responseSchema } from '../openapi/component-names';

export const MeasurementSchema = responseSchema('Measurement', Measurement);
export const MeasurementList = responseSchema('MeasurementList', () =>
  z.object({ items: z.array(MeasurementSchema()) }),
);
export const MeasurementDetail = responseSchema('MeasurementDetail', () =>
  z.object({
    measurement: MeasurementSchema(),
    participants: z.array(component('MeasurementParticipant', Participant)),
  }),
);
/** Per institution type: rank, movement, % satisfied with its 95 % interval and n; too few answers unranked. */
export const MeasurementRanking = responseSchema('MeasurementRanking', RankingSchema);
export const PublishedMeasurementRanking = responseSchema('PublishedMeasurementRanking', PublishedRanking);

const Participation = lazy(() =>
  z.object({
    year: z.number(),
    participating: z.boolean(),
    optedInAt: z.optional(z.string()),
  }),
);
export const MeasurementParticipation = responseSchema('MeasurementParticipation', () => Participation());
export const InstitutionMeasurementList = responseSchema('InstitutionMeasurementList', () =>
  z.object({
    items: z.array(z.extend(Participation(), { status: z.enum(measurementStatuses), minAnswers: z.number() })),
  }),
);
