/**
 * The plain lists an institution is described by, without zod: the public web pages (laureates, results)
 * import them without loading the profile's schemas (institution.ts re-exports them).
 */

/** Institution types the contest accepts (issue 3). Labels live in the web locales (`institutionType.*`). */
export const institutionTypes = [
  'municipal_office', // urząd gminy / miasta
  'county_office', // starostwo powiatowe
  'voivodeship_office', // urząd wojewódzki
  'tax_office', // urząd skarbowy
  'labour_office', // urząd pracy
  'social_welfare_centre', // ośrodek pomocy społecznej (MOPS / OPS)
  'zus', // oddział ZUS
  'municipal_company', // spółka komunalna
  'other',
] as const;
export type InstitutionType = (typeof institutionTypes)[number];

/** The six fee brackets of DESIGN.md §2, by declared headcount. */
export const headcountBrackets = ['0-20', '21-40', '41-100', '101-150', '151-200', '201+'] as const;
export type HeadcountBracket = (typeof headcountBrackets)[number];

export const voivodeships = [
  'dolnośląskie',
  'kujawsko-pomorskie',
  'lubelskie',
  'lubuskie',
  'łódzkie',
  'małopolskie',
  'mazowieckie',
  'opolskie',
  'podkarpackie',
  'podlaskie',
  'pomorskie',
  'śląskie',
  'świętokrzyskie',
  'warmińsko-mazurskie',
  'wielkopolskie',
  'zachodniopomorskie',
] as const;
export type Voivodeship = (typeof voivodeships)[number];
