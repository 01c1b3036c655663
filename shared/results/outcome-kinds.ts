/**
 * What the chapter may decide about an application: a plain list without zod, so the public laureates
 * pages (web/src/components/results/format.ts) name outcomes without loading the edition's schemas.
 */
export const outcomes = ['laureate', 'distinction', 'notAwarded'] as const;
export type Outcome = (typeof outcomes)[number];
