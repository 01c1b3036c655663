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

/** Lists the response once in `components.responses` under `name`. */
export function responseComponent<T extends ResponseSpec>(name: string, response: T): T {
  claim(responsesByName, name, response);
  responseNames.set(response, name);
  return response;
}

export const componentName = (schema: $ZodType): string | undefined => schemaNames.get(schema);
export const responseComponentName = (response: ResponseSpec): string | undefined => responseNames.get(response);
export const namedSchemas = (): ReadonlyMap<string, $ZodType> => schemasByName;
