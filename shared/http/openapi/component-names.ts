import type { $ZodType } from 'zod/v4/core';
import type { ResponseSpec } from './describe';

/**
 * Names for the schemas and responses the OpenAPI document lists once under `components` and refers
 * to by `$ref` (instead of inlining the questionnaire or the error body into every operation). A
 * schema is named where it is defined: `component('Edition', z.object(…))` returns the schema itself,
 * so naming costs nothing at request time. Only components some operation reaches are emitted.
 */
const schemasByName = new Map<string, $ZodType>();
const schemaNames = new WeakMap<$ZodType, string>();
const responseNames = new WeakMap<ResponseSpec, string>();
const responsesByName = new Map<string, ResponseSpec>();

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function claim<T>(byName: Map<string, T>, name: string, value: T): void {
  if (!NAME.test(name)) throw new Error(`Component name "${name}" must be letters, digits and _`);
  const taken = byName.get(name);
  if (taken !== undefined && taken !== value) throw new Error(`Two different components are named "${name}"`);
  byName.set(name, value);
}

/** Lists the schema once in `components.schemas` under `name`; every use becomes a `$ref`. */
export function component<T extends $ZodType>(name: string, schema: T): T {
  claim(schemasByName, name, schema);
  schemaNames.set(schema, name);
  return schema;
}

/**
 * A named schema of an answer, built on first use: `responseSchema('Edition', () => z.object(…))`.
 * Answer schemas only document (the OpenAPI document, and the api tests' check of every answer), so a
 * request never builds them — building all of a route group's answer schemas with the group cost a cold
 * start about 10 ms (docs/performance.md). Refer to another one inside the builder by calling it. A
 * schema the domain has built anyway is named at once: `responseSchema('Questionnaire', Questionnaire)`.
 */
export function responseSchema<T extends $ZodType>(name: string, schema: T | (() => T)): () => T {
  if (typeof schema !== 'function') {
    const named = component(name, schema);
    return () => named;
  }
  let built: T | undefined;
  return () => {
    built ??= component(name, schema());
    return built;
  };
}

const built = new WeakMap<() => $ZodType, $ZodType>();

/** A response's schema, whether given built or as a builder (`responseSchema` or any `() => schema`), built once. */
export function schemaOf(response: ResponseSpec): $ZodType | undefined {
  const { schema } = response;
  if (typeof schema !== 'function') return schema;
  let value = built.get(schema);
  if (!value) {
    value = schema();
    built.set(schema, value);
  }
  return value;
}

/** Lists the response once in `components.responses` under `name`. */
export function responseComponent<T extends ResponseSpec>(name: string, response: T): T {
  claim(responsesByName, name, response);
  responseNames.set(response, name);
  return response;
}

export const componentName = (schema: $ZodType): string | undefined => schemaNames.get(schema);
export const responseComponentName = (response: ResponseSpec): string | undefined => responseNames.get(response);
export const namedSchemas = (): ReadonlyMap<string, $ZodType> => schemasByName;
