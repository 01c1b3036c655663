import { describe, expect, it } from 'vitest';
import { movement, movementLabel } from '../../shared/results/movement';
import {
  type CategoryRule,
  categoriesOf,
  categoryOf,
  computedOutcome,
  defaultResultsSettings,
  ResultsSettings,
  resultsSettingsProblems,
} from '../../shared/results/outcome';

describe('outcome and categories', () => {
  it('laureate at or above the threshold, compared at 2 decimals', () => {
    expect(computedOutcome(75, 75)).toBe('laureate');
    expect(computedOutcome(74.99, 75)).toBe('notAwarded');
    expect(computedOutcome(74.999, 75)).toBe('laureate');
    expect(computedOutcome(100, 75)).toBe('laureate');
  });

  const types: CategoryRule = {
    by: 'types',
    groups: [
      { code: 'gminy', name: { pl: 'Urzędy gmin i miast', en: 'Municipal offices' }, types: ['municipal_office'] },
      { code: 'powiaty', name: { pl: 'Starostwa' }, types: ['county_office', 'voivodeship_office'] },
    ],
  };

  it("'types' puts a type in its group and every other type in 'other', listed last", () => {
    expect(categoryOf(types, { type: 'municipal_office', headcount: '0-20' })).toEqual({
      code: 'gminy',
      name: { pl: 'Urzędy gmin i miast', en: 'Municipal offices' },
    });
    expect(categoryOf(types, { type: 'voivodeship_office', headcount: '201+' })).toEqual({
      code: 'powiaty',
      name: { pl: 'Starostwa', en: 'Starostwa' },
    });
    expect(categoryOf(types, { type: 'zus', headcount: '201+' })).toEqual({
      code: 'other',
      name: { pl: 'Pozostałe', en: 'Other' },
    });
    expect(categoriesOf(types).map((c) => c.code)).toEqual(['gminy', 'powiaty', 'other']);
  });

  it("'none' is one category 'all'; 'headcount' one per bracket", () => {
    expect(categoriesOf({ by: 'none' })).toEqual([
      { code: 'all', name: { pl: 'Wszystkie instytucje', en: 'All institutions' } },
    ]);
    expect(categoryOf({ by: 'none' }, { type: 'zus', headcount: '0-20' }).code).toBe('all');
    expect(categoriesOf({ by: 'headcount' }).map((c) => c.code)).toEqual([
      '0-20',
      '21-40',
      '41-100',
      '101-150',
      '151-200',
      '201+',
    ]);
    expect(categoryOf({ by: 'headcount' }, { type: 'zus', headcount: '41-100' }).code).toBe('41-100');
  });

  it('settings: defaults parse; a type in two groups, a repeated or reserved code are problems', () => {
    expect(ResultsSettings.safeParse(defaultResultsSettings()).success).toBe(true);
    expect(
      ResultsSettings.safeParse({ ...defaultResultsSettings(), categories: { by: 'types', groups: [] } }).success,
    ).toBe(false);
    expect(resultsSettingsProblems({ ...defaultResultsSettings(), categories: types })).toEqual({});
    const bad: CategoryRule = {
      by: 'types',
      groups: [
        { code: 'a', name: { pl: 'A' }, types: ['zus'] },
        { code: 'a', name: { pl: 'B' }, types: ['tax_office', 'zus'] },
        { code: 'other', name: { pl: 'C' }, types: ['labour_office'] },
      ],
    };
    const problems = resultsSettingsProblems({ ...defaultResultsSettings(), categories: bad });
    expect(Object.keys(problems).sort()).toEqual([
      'categories.groups.1.code',
      'categories.groups.1.types.1',
      'categories.groups.2.code',
    ]);
    expect(problems['categories.groups.1.types.1']?.pl).toContain('„A”');
  });
});

describe('movement', () => {
  it('previous − current place; null without a previous place', () => {
    expect(movement(5, 2)).toBe(3);
    expect(movement(1, 4)).toBe(-3);
    expect(movement(undefined, 1)).toBeNull();
  });

  it.each([
    [1, 'awans o 1 miejsce', 'up 1 place'],
    [2, 'awans o 2 miejsca', 'up 2 places'],
    [4, 'awans o 4 miejsca', 'up 4 places'],
    [5, 'awans o 5 miejsc', 'up 5 places'],
    [12, 'awans o 12 miejsc', 'up 12 places'],
    [14, 'awans o 14 miejsc', 'up 14 places'],
    [22, 'awans o 22 miejsca', 'up 22 places'],
    [25, 'awans o 25 miejsc', 'up 25 places'],
    [-1, 'spadek o 1 miejsce', 'down 1 place'],
    [-3, 'spadek o 3 miejsca', 'down 3 places'],
    [-112, 'spadek o 112 miejsc', 'down 112 places'],
    [0, 'bez zmian', 'no change'],
    [null, 'debiut', 'debut'],
  ])('%s → "%s" / "%s"', (m, pl, en) => {
    expect(movementLabel(m, 'pl')).toBe(pl);
    expect(movementLabel(m, 'en')).toBe(en);
  });
});
