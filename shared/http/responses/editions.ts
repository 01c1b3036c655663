import * as z from 'zod/mini';
import { applicationStatuses } from '../../applications/application';
import { EditionSettings, FeeTable, Timeline } from '../../editions/edition';
import { Questionnaire } from '../../editions/questionnaire';
import { Rubric } from '../../editions/rubric';
import { ExportRecord } from '../../exports/export-job';
import { institutionTypes } from '../../institutions/institution';
import { component, responseSchema } from '../openapi/component-names';
import { page } from './common';
import { EditionState } from './edition-state';

component('Timeline', Timeline);
component('FeeTable', FeeTable);
component('Rubric', Rubric);
component('EditionSettings', EditionSettings);
/** The questionnaire definition (also part of an application's view). */
export const QuestionnaireSchema = responseSchema('Questionnaire', Questionnaire);

export { EditionState };

/** An edition as stored: its settings, rubric and questionnaire (editions/edition.ts `Edition`). */
export const Edition = responseSchema('Edition', () =>
  z.extend(EditionSettings, {
    editionId: z.string(),
    state: EditionState(),
    rubric: Rubric,
    questionnaire: Questionnaire,
    /** Set when cloned: the source edition. */
    clonedFrom: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  }),
);

/** One edition with the rubric's derived maximum total. */
export const EditionView = responseSchema('EditionView', () => z.extend(Edition(), { maxTotal: z.number() }));

export const EditionSummary = responseSchema('EditionSummary', () =>
  z.object({
    editionId: z.string(),
    name: z.string(),
    number: z.string(),
    year: z.number(),
    state: EditionState(),
    timeline: Timeline,
    categories: z.array(z.enum(institutionTypes)),
    maxTotal: z.number(),
  }),
);
export const EditionPage = responseSchema('EditionPage', () => page(EditionSummary()));

/** A deadline extension granted to one institution. */
export const Extension = responseSchema('Extension', () =>
  z.object({
    editionId: z.string(),
    institutionId: z.string(),
    until: z.string(),
    reason: z.string(),
    grantedBy: z.string(),
    grantedByName: z.optional(z.string()),
    grantedAt: z.string(),
  }),
);

/** Applications per status (every status, 0 when none). */
export const ApplicationCounts = responseSchema('ApplicationCounts', () =>
  z.object(
    Object.fromEntries(applicationStatuses.map((status) => [status, z.number()])) as Record<
      (typeof applicationStatuses)[number],
      z.ZodMiniNumber
    >,
  ),
);

/** An export record: the domain schema itself (exports/export-job.ts), named once. */
export const Export = responseSchema('Export', ExportRecord);

/** The media types of a ready export, by format (exports/build-export.ts). */
export const exportMediaTypes = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
] as const;
