import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import type { $ZodType } from 'zod/v4/core';
import { responseSchema } from '../openapi/component-names';

/**
 * Schemas of the API's answers, one module per area: the shapes the use cases return, written in
 * zod/mini so the OpenAPI document states them (and the api tests check every answer against them,
 * test/support/response-check.ts). Objects are not strict: an answer may carry more than documented.
 */
export const page = <T extends $ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.nullable(z.string()) });
export const itemsOf = <T extends $ZodType>(item: T) => z.object({ items: z.array(item) });
export const offsetPage = <T extends $ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), offset: z.number() });

/** A message a clerk reads, in both languages. */
export const Message = responseSchema('Message', () => z.object({ pl: z.string(), en: z.string() }));

/** `{ accepted: true }`: the request was taken; the same answer whatever the address (no enumeration). */
export const Accepted = responseSchema('Accepted', () => z.object({ accepted: z.literal(true) }));

/** One criterion's spread across an application's sheets (the scoring progress and the results both show it). */
export const CriterionSpread = lazy(() =>
  z.object({
    code: z.string(),
    min: z.number(),
    max: z.number(),
    spread: z.number(),
    scale: z.number(),
    flagged: z.boolean(),
  }),
);
