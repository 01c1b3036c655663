import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
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
  /**
   * The body's schema: the same zod schema the answer is built to (a file download has none); usually a
   * builder (`responseSchema`), so that no request pays for building it.
   */
  schema?: $ZodType | (() => $ZodType);
  /** Defaults to application/json; a download lists the media types it may carry. */
  contentType?: string | readonly string[];
}

export interface OperationSpec {
  summary: string;
  /** Stable name for client generators (verbNoun); derived from the method and path when absent. */
  operationId?: string;
  description?: string;
  tags?: string[];
  /** A body that is not JSON (the JSON ones are documented by `validate('json', …)`). */
  requestBody?: { description: string; contentType: string };
  /**
   * Success answers and the errors specific to the route. 400/413/500/503 come from `commonErrors`;
   * 401/403/404 are added from the route policy by the document generator — do not declare them here.
   */
  responses: Record<number, ResponseSpec>;
}

export type RequestTarget = Extract<keyof ValidationTargets, 'json' | 'query' | 'param' | 'header' | 'cookie'>;

export const operationSpecs = new WeakMap<object, OperationSpec>();
export const requestSpecs = new WeakMap<object, { target: RequestTarget; schema: $ZodType }>();

/**
 * Tests can look at every answer a described route gives (test/support/response-check.ts checks it
 * against the documented schema); unset in production, where `describe` does nothing at request time.
 */
export type ResponseObserver = (c: Context, spec: OperationSpec) => Promise<void>;
let observer: ResponseObserver | undefined;
export function observeResponses(next: ResponseObserver | undefined): void {
  observer = next;
}

/** Documents the route it is registered on. */
export function describe(spec: OperationSpec): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (c, next) => {
    await next();
    if (observer) await observer(c, spec);
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
