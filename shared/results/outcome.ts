import type { Message } from '../editions/localized';
import {
  type HeadcountBracket,
  headcountBrackets,
  type InstitutionType,
  institutionTypes,
} from '../institutions/institution-kinds';
import { percentKey } from './rank';
import type { CategoryRule, TypeGroup } from './results-settings';

export {
  type Outcome,
  outcomes,
  CategoryRule,
  defaultResultsSettings,
  ResultsSettings,
  resultsSettingsProblems,
  TypeGroup,
} from './results-settings';

/**
 * Outcome rules of an edition (issue 14): the computed outcome against the laureate threshold, and
 * the categories ranked separately. Pure.
 */

/** Laureate when percent ≥ threshold, both compared at 2 decimals (as shown). A distinction is never computed: the chapter awards it with a reason. */
export function computedOutcome(percent: number, thresholdPercent: number): 'laureate' | 'notAwarded' {
  return percentKey(percent) >= percentKey(thresholdPercent) ? 'laureate' : 'notAwarded';
}

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
