import type { MiddlewareHandler } from 'hono';
import type { ValidationTargets } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type { $ZodType } from 'zod/v4/core';
import { validationHook } from '../validation';

/**
 * OpenAPI from the same zod schemas that validate requests, without a second declaration: a route is
 *
 *   app.put(path, describe({ summary, responses }), validate('json', Schema), handler)
 *
 * `describe` and `validate` are ordinary Hono middleware that also leave metadata here; the document
 * generator (./document.ts) reads it back from `app.routes`. zod/mini keeps the Lambda bundle small
 * (the classic zod API costs ~450 KB of bundle; see docs/performance.md).
 */
export interface ResponseSpec {
  description: string;
  schema?: $ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

export interface OperationSpec {
  summary: string;
  description?: string;
  tags?: string[];
  responses: Record<number, ResponseSpec>;
}

export type RequestTarget = Extract<keyof ValidationTargets, 'json' | 'query' | 'param' | 'header' | 'cookie'>;

export const operationSpecs = new WeakMap<object, OperationSpec>();
export const requestSpecs = new WeakMap<object, { target: RequestTarget; schema: $ZodType }>();

/** Documents the route it is registered on; does nothing at request time. */
export function describe(spec: OperationSpec): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  operationSpecs.set(middleware, spec);
  return middleware;
}

/** Validates one part of the request with a zod schema (400 naming each bad field) and documents it. */
export function validate<T extends $ZodType, Target extends RequestTarget>(target: Target, schema: T) {
  const middleware = zValidator(target, schema, validationHook);
  requestSpecs.set(middleware, { target, schema });
  return middleware;
}
