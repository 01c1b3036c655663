import * as z from 'zod/mini';
import { localized, type Message, rubricCode } from '../editions/localized';
import {
  type HeadcountBracket,
  headcountBrackets,
  type InstitutionType,
  institutionTypes,
} from '../institutions/institution';
import { aggregations } from './aggregate';
import { percentKey } from './rank';

/**
 * Outcome rules of an edition (issue 14): the computed outcome against the laureate threshold, and
 * the categories ranked separately. Pure.
 */
export const outcomes = ['laureate', 'distinction', 'notAwarded'] as const;
export type Outcome = (typeof outcomes)[number];

/** Laureate when percent ≥ threshold, both compared at 2 decimals (as shown). A distinction is never computed: the chapter awards it with a reason. */
export function computedOutcome(percent: number, thresholdPercent: number): 'laureate' | 'notAwarded' {
  return percentKey(percent) >= percentKey(thresholdPercent) ? 'laureate' : 'notAwarded';
}

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

export interface Category {
  code: string;
  name: { pl: string; en: string };
}

export const allCategory = (): Category => ({
  code: 'all',
  name: { pl: 'Wszystkie instytucje', en: 'All institutions' },
});
export const otherCategory = (): Category => ({ code: 'other', name: { pl: 'Pozostałe', en: 'Other' } });

const headcountNames: Record<HeadcountBracket, Message> = {
  '0-20': { pl: 'do 20 pracowników', en: 'up to 20 staff' },
  '21-40': { pl: '21–40 pracowników', en: '21–40 staff' },
  '41-100': { pl: '41–100 pracowników', en: '41–100 staff' },
  '101-150': { pl: '101–150 pracowników', en: '101–150 staff' },
  '151-200': { pl: '151–200 pracowników', en: '151–200 staff' },
  '201+': { pl: 'ponad 200 pracowników', en: 'over 200 staff' },
};

const headcountCategory = (b: HeadcountBracket): Category => ({ code: b, name: { ...headcountNames[b] } });
const groupCategory = (g: TypeGroup): Category => ({
  code: g.code,
  name: { pl: g.name.pl, en: g.name.en || g.name.pl },
});

/** The category of an institution (type, headcount bracket) under the rule; a type in no group → code 'other' ("Pozostałe"/"Other"). */
export function categoryOf(
  rule: CategoryRule,
  institution: { type: InstitutionType; headcount: HeadcountBracket },
): Category {
  switch (rule.by) {
    case 'none':
      return allCategory();
    case 'headcount':
      return headcountCategory(institution.headcount);
    case 'types': {
      const group = rule.groups.find((g) => g.types.includes(institution.type));
      return group ? groupCategory(group) : otherCategory();
    }
  }
}

/** All categories of the rule in display order (for 'none': one category code 'all', "Wszystkie instytucje"/"All institutions"); 'other' last, and only when some type is in no group. */
export function categoriesOf(rule: CategoryRule): Category[] {
  switch (rule.by) {
    case 'none':
      return [allCategory()];
    case 'headcount':
      return headcountBrackets.map(headcountCategory);
    case 'types': {
      const covered = new Set(rule.groups.flatMap((g) => g.types));
      const groups = rule.groups.map(groupCategory);
      return institutionTypes.every((t) => covered.has(t)) ? groups : [...groups, otherCategory()];
    }
  }
}

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
