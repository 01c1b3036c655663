import * as z from 'zod/mini';
import { AspectFiguresSchema, Interval } from '../surveys/aspect-figures-schema';
import { institutionTypes } from '../institutions/institution';
import type { standardAspects } from '../surveys/survey';
import { DEFAULT_MEASUREMENT_MIN_ANSWERS } from './ranking';

/**
 * The standard measurement of a year (issue 18 §4): an organizer opens it, institutions opt in (or out
 * again) until it is published, the organizer publishes a frozen ranking. The period is the calendar
 * year in Warsaw: the surveys' month counts are Warsaw months. Stored shapes: measurement-store.ts.
 */
export const measurementStatuses = ['open', 'published'] as const;
export type MeasurementStatus = (typeof measurementStatuses)[number];

export const MeasurementYear = z.coerce.number().check(z.int('year'), z.gte(2000, 'year'), z.lte(2100, 'year'));

export const OpenMeasurementInput = z.object({
  year: z.number().check(z.int('year'), z.gte(2000, 'year'), z.lte(2100, 'year')),
  minAnswers: z.optional(z.number().check(z.int(), z.gte(10), z.lte(10_000))),
});
export type OpenMeasurementInput = z.infer<typeof OpenMeasurementInput>;

export const ParticipationInput = z.object({ participating: z.boolean() });

export const Measurement = z.object({
  year: z.number(),
  status: z.enum(measurementStatuses),
  minAnswers: z.number(),
  openedAt: z.string(),
  openedBy: z.string(),
  publishedAt: z.optional(z.string()),
  publishedBy: z.optional(z.string()),
  version: z.number(),
});
export type Measurement = z.infer<typeof Measurement>;

/** An institution's explicit opt-in: who, when (the item exists only while it participates). */
export const Participant = z.object({
  year: z.number(),
  institutionId: z.string(),
  institutionName: z.string(),
  optedInAt: z.string(),
  optedInBy: z.string(),
});
export type Participant = z.infer<typeof Participant>;

const perAspect = <T extends z.core.SomeType>(t: T) =>
  z.object({ waiting: t, usefulness: t, engagement: t } satisfies Record<(typeof standardAspects)[number], T>);

export const RankingEntrySchema = z.object({
  institutionId: z.string(),
  name: z.string(),
  n: z.number(),
  aspects: perAspect(AspectFiguresSchema),
  overall: z.optional(z.object({ satisfied: z.number(), interval: Interval, rank: z.number() })),
  aspectRanks: z.optional(perAspect(z.number())),
  previousRank: z.optional(z.number()),
  movement: z.optional(z.enum(['up', 'down', 'same', 'new'])),
});

export const RankingSchema = z.object({
  year: z.number(),
  minAnswers: z.number(),
  types: z.array(z.object({ type: z.enum(institutionTypes), entries: z.array(RankingEntrySchema) })),
});

/** The frozen ranking as published: later answers never change it. */
export const PublishedRanking = z.extend(RankingSchema, { publishedAt: z.string() });
export type PublishedRanking = z.infer<typeof PublishedRanking>;

export const defaultMinAnswers = DEFAULT_MEASUREMENT_MIN_ANSWERS;
