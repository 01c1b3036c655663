import { registry, toJSONSchema } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { componentName, namedSchemas } from './component-names';

export type JsonSchema = Record<string, unknown>;

const SCHEMAS = '#/components/schemas/';
const INLINE = '__inline_';

/**
 * Turns the zod schemas of every operation into JSON Schema (draft 2020-12, the dialect of OpenAPI
 * 3.1) in ONE pass of zod's own `toJSONSchema` over a registry: named schemas (./components.ts)
 * become `$ref`s to `components.schemas`, the rest is inlined where it is used. One pass, in `input`
 * form for requests and responses alike, so a schema shared by both is emitted once and objects do
 * not claim `additionalProperties: false` for answers that may carry more fields than documented.
 */
export function convertSchemas(used: Iterable<$ZodType>): {
  /** The JSON Schema to put where `schema` is used: a `$ref` when it is named, else the schema inline. */
  at: (schema: $ZodType) => JsonSchema;
  /** The named schemas reachable from `at()` results so far, by name (call after the last `at`). */
  components: () => Record<string, JsonSchema>;
} {
  const reg = registry<{ id: string }>();
  for (const [name, schema] of namedSchemas()) reg.add(schema, { id: name });
  const inlineIds = new Map<$ZodType, string>();
  for (const schema of used) {
    if (componentName(schema) !== undefined || inlineIds.has(schema)) continue;
    const id = `${INLINE}${inlineIds.size}`;
    inlineIds.set(schema, id);
    reg.add(schema, { id });
  }
  const converted = toJSONSchema(reg, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `${SCHEMAS}${id}`,
  }).schemas as Record<string, JsonSchema>;

  const reached = new Set<string>();
  /** Drops zod's `$schema`/`$id`, inlines unnamed schemas nested in others and notes which components are used. */
  const tidy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(tidy);
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(SCHEMAS)) {
      const id = ref.slice(SCHEMAS.length);
      if (id.startsWith(INLINE)) return tidy(converted[id]);
      reached.add(id);
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (key !== '$schema' && key !== '$id') out[key] = tidy(v);
    return out;
  };

  return {
    at(schema) {
      const name = componentName(schema);
      if (name !== undefined) {
        reached.add(name);
        return { $ref: `${SCHEMAS}${name}` };
      }
      const id = inlineIds.get(schema);
      if (id === undefined) throw new Error('convertSchemas: a schema was not listed as used');
      return tidy(converted[id]) as JsonSchema;
    },
    components() {
      const out: Record<string, JsonSchema> = {};
      const queue = [...reached];
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        if (out[name]) continue;
        const before = new Set(reached);
        out[name] = tidy(converted[name]) as JsonSchema;
        for (const n of reached) if (!before.has(n)) queue.push(n);
      }
      return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
