import * as z from 'zod/mini';
import { localized, type Message, rubricCode } from '../editions/localized';
import { type InstitutionType, institutionTypes } from '../institutions/institution-kinds';

/**
 * An edition's results settings and the names of the methods (issue 14) — a part of the edition's
 * schema, so kept apart from the computations (aggregate.ts, outcome.ts): every request that reads an
 * edition parses these, and it should not load the scoring and ranking code to do so (issue 17).
 */
export { type Outcome, outcomes } from './outcome-kinds';

export const aggregations = ['mean', 'median'] as const;
export type Aggregation = (typeof aggregations)[number];

/** Which scores decide: the experts' own ("raw") or the per-expert z-score calibrated ones (calibrate.ts). */
export const bases = ['raw', 'calibrated'] as const;
export type Basis = (typeof bases)[number];

export const TypeGroup = z.object({
  code: rubricCode,
  name: localized(200),
  types: z.array(z.enum(institutionTypes)).check(z.minLength(1)),
});
export type TypeGroup = z.infer<typeof TypeGroup>;

/** How applications are split into separately ranked categories. */
export const CategoryRule = z.discriminatedUnion('by', [
  z.object({ by: z.literal('none') }),
  /** One category per headcount bracket. */
  z.object({ by: z.literal('headcount') }),
  /** Groups of institution types; a type in no group falls in 'other'. */
  z.object({ by: z.literal('types'), groups: z.array(TypeGroup).check(z.minLength(1), z.maxLength(12)) }),
]);
export type CategoryRule = z.infer<typeof CategoryRule>;

/** The edition's results settings (an optional `results` member of EditionSettings; absent → defaults). */
export const ResultsSettings = z.object({
  categories: CategoryRule,
  /** Whether the published snapshot carries each laureate's percent. */
  publishScores: z.boolean(),
  aggregation: z.enum(aggregations),
});
export type ResultsSettings = z.infer<typeof ResultsSettings>;

export const defaultResultsSettings = (): ResultsSettings => ({
  categories: { by: 'none' },
  publishScores: false,
  aggregation: 'mean',
});

/** Rules zod cannot say: a type in two groups, duplicate group codes, the reserved codes 'other'/'all'. Field path → message. */
export function resultsSettingsProblems(s: ResultsSettings): Record<string, Message> {
  const problems: Record<string, Message> = {};
  if (s.categories.by !== 'types') return problems;
  const codes = new Set<string>();
  const typeGroup = new Map<InstitutionType, string>();
  s.categories.groups.forEach((group, i) => {
    const path = `categories.groups.${i}`;
    if (group.code === 'other' || group.code === 'all') {
      problems[`${path}.code`] = {
        pl: `Kod „${group.code}” jest zarezerwowany; wybierz inny.`,
        en: `The code "${group.code}" is reserved; choose another.`,
      };
    } else if (codes.has(group.code)) {
      problems[`${path}.code`] = {
        pl: `Kod „${group.code}” występuje więcej niż raz.`,
        en: `The code "${group.code}" is used more than once.`,
      };
    }
    codes.add(group.code);
    group.types.forEach((type, j) => {
      const first = typeGroup.get(type);
      if (first !== undefined) {
        problems[`${path}.types.${j}`] = {
          pl: `Typ instytucji „${type}” należy już do kategorii „${first}”.`,
          en: `The institution type "${type}" already belongs to the category "${first}".`,
        };
      } else typeGroup.set(type, group.name.pl);
    });
  });
  return problems;
}
