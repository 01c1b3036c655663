import { toJSONSchema } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { operationSpecs, requestSpecs, type OperationSpec, type RequestTarget } from './describe';

export const apiInfo = {
  title: 'Przyjazny Urząd platform API',
  version: '0.1.0',
  description:
    'Quality-award contests for public institutions: editions, applications, chapter, scoring, results, certificates.',
} as const;

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
}

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: $ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/** Hono's `/api/items/:id` → OpenAPI's `/api/items/{id}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: typeof apiInfo;
  paths: Record<string, Record<string, unknown>>;
}

/** Builds the OpenAPI 3.1 document from the routes registered on the app, with `describe`/`validate` metadata. */
export function buildOpenApiDocument(routes: readonly RouteLike[]): OpenApiDocument {
  interface Operation {
    method: string;
    path: string;
    spec?: OperationSpec;
    request: Map<RequestTarget, $ZodType>;
  }
  const operations = new Map<string, Operation>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const id = `${route.method} ${route.path}`;
    const op: Operation = operations.get(id) ?? {
      method: route.method.toLowerCase(),
      path: route.path,
      request: new Map(),
    };
    const handler = route.handler as object;
    const spec = operationSpecs.get(handler);
    if (spec) op.spec = spec;
    const request = requestSpecs.get(handler);
    if (request) op.request.set(request.target, request.schema);
    operations.set(id, op);
  }

  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations.values()) {
    if (!op.spec) continue; // undocumented: the coverage test names it
    const parameters = (['param', 'query', 'header'] as const).flatMap((target) => {
      const schema = op.request.get(target);
      if (!schema) return [];
      const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      const where = target === 'param' ? 'path' : target;
      return Object.entries(json.properties ?? {}).map(([name, s]) => ({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: s,
      }));
    });
    const body = op.request.get('json');
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method] = {
      summary: op.spec.summary,
      ...(op.spec.description ? { description: op.spec.description } : {}),
      ...(op.spec.tags ? { tags: op.spec.tags } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.spec.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema
              ? { content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema, 'output') } } }
              : {}),
          },
        ]),
      ),
    };
  }
  return { openapi: '3.1.0', info: apiInfo, paths };
}

/** Routes registered on the app that the document does not describe (the coverage test expects none). */
export function undocumentedRoutes(routes: readonly RouteLike[], doc: OpenApiDocument): string[] {
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)),
  );
  const seen = new Set<string>();
  for (const r of routes) {
    if (r.method === 'ALL') continue;
    const op = `${r.method} ${openApiPath(r.path)}`;
    if (!documented.has(op)) seen.add(op);
  }
  return [...seen];
}
