import type { $ZodObject, $ZodType, output } from 'zod/v4/core';
import { safeParse } from 'zod/mini';

/** The attributes that address an item rather than describe it. */
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'expiresAt']);

/** An item without its key attributes. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
}

/**
 * A stored item read back as a domain value through its schema (never a cast): the stores' one way
 * to turn table items into types. An item that does not match is a bug or a damaged table, not bad
 * input, so it throws a plain error (logged, a generic 500) naming what and where.
 */
export function parseItem<S extends $ZodType>(schema: S, item: Record<string, unknown>, what: string): output<S> {
  const result = safeParse(schema, withoutKeys(item));
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`Stored ${what} (${String(item.pk)} / ${String(item.sk)}) does not match its schema: ${issues}`);
}

/** The top-level attributes an object schema reads: what a projected read of its item names (`attributes`). */
export function attributesOf(schema: $ZodObject): string[] {
  return Object.keys(schema._zod.def.shape);
}
