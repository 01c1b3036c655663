import type { $ZodType } from 'zod/v4/core';
import type { AccessRule } from '../../access/policy';
import { pathParams, pathParamSchema } from '../schemas';
import { operationAccess, SESSION_SCHEME } from './access';
import { responseComponentName, schemaOf } from './component-names';
import { operationSpecs, requestSpecs, type OperationSpec, type RequestTarget, type ResponseSpec } from './describe';
import { convertSchemas, type JsonSchema } from './json-schema';

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

/** Hono's `/api/items/:id` → OpenAPI's `/api/items/{id}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?\??/g, '{$1}');

/** The names of a Hono path's parameters, in order: `/a/:x/b/:y` → `['x', 'y']`. */
export const pathParamNames = (honoPath: string) => [...honoPath.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

/** `GET /api/editions/:editionId/exports` → `getEditionsExports` (when a route declares none). */
export function derivedOperationId(method: string, honoPath: string): string {
  const words = honoPath
    .split('/')
    .filter((part) => part !== '' && part !== 'api')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1).replace(/\{.*$/, '')}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: typeof apiInfo;
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    parameters: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

export interface DocumentOptions {
  /** The route policy the app enforces: 401/403/404 and `security` are derived from it. */
  policy?: Record<string, AccessRule>;
  /** The session cookie's name in this deployment (`__Host-session`, or `session` on plain-http localhost). */
  sessionCookie?: string;
}

const tagDescriptions: Record<string, string> = {
  accounts: 'Sign-in, sessions, one’s own account',
  applications: 'Institutions’ applications, their answers and attachments',
  assignment: 'Assigning chapter experts to applications',
  chapter: 'The chapter (Kapituła), conflicts of interest and assignment settings',
  editions: 'Yearly editions: settings, rubric, questionnaire, state',
  expert: 'An expert’s own chapters, assignments, bids and declarations',
  exports: 'Exports of an edition’s applications',
  institutions: 'Institutions and their members',
  organizer: 'Accounts and the audit trail (organizers)',
  platform: 'Health, preferences and this documentation',
};

interface Operation {
  method: string;
  path: string;
  spec?: OperationSpec;
  request: Map<RequestTarget, $ZodType>;
}

/** The described operations of the app, in registration order, with the request schemas `validate` recorded. */
function collectOperations(routes: readonly RouteLike[]): Operation[] {
  const operations = new Map<string, Operation>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const op: Operation = operations.get(key) ?? { method: route.method, path: route.path, request: new Map() };
    const handler = route.handler as object;
    const spec = operationSpecs.get(handler);
    if (spec) op.spec = spec;
    const request = requestSpecs.get(handler);
    if (request) op.request.set(request.target, request.schema);
    operations.set(key, op);
  }
  return [...operations.values()].filter((op) => op.spec !== undefined);
}

const isJson = (r: ResponseSpec) => r.contentType === undefined || r.contentType === 'application/json';

/**
 * Builds the OpenAPI 3.1 document from the routes registered on the app and their `describe`/`validate`
 * metadata: path parameters from the Hono path (bounded by `pathParams`), query and body from the
 * validating schemas, responses from the route's own list plus the common errors plus what the
 * policy table answers, shared schemas and responses under `components`. Built on the first request
 * for it, not at import.
 */
export function buildOpenApiDocument(routes: readonly RouteLike[], options: DocumentOptions = {}): OpenApiDocument {
  const operations = collectOperations(routes);
  const used = new Set<$ZodType>();
  for (const op of operations) {
    for (const schema of op.request.values()) used.add(schema);
    for (const r of Object.values(op.spec?.responses ?? {})) {
      const schema = schemaOf(r);
      if (schema) used.add(schema);
    }
    for (const name of pathParamNames(op.path)) used.add(pathParamSchema(name));
  }
  const schemas = convertSchemas(used);
  const componentResponses: Record<string, unknown> = {};
  const componentParameters: Record<string, unknown> = {};

  const responseObject = (r: ResponseSpec): unknown => {
    if (!r.schema && isJson(r)) return { description: r.description };
    const types = typeof r.contentType === 'string' ? [r.contentType] : (r.contentType ?? ['application/json']);
    const schema = schemaOf(r);
    const schemaFor = (type: string) =>
      schema ? schemas.at(schema) : { type: 'string', ...(type.includes('*') ? {} : { contentMediaType: type }) };
    return { description: r.description, content: Object.fromEntries(types.map((t) => [t, { schema: schemaFor(t) }])) };
  };
  const response = (r: ResponseSpec): unknown => {
    const name = responseComponentName(r);
    if (!name) return responseObject(r);
    componentResponses[name] ??= responseObject(r);
    return { $ref: `#/components/responses/${name}` };
  };

  const paths: OpenApiDocument['paths'] = {};
  const operationIds = new Set<string>();
  for (const op of operations) {
    const spec = op.spec as OperationSpec;
    const names = pathParamNames(op.path);
    const access = operationAccess(options.policy?.[`${op.method} ${op.path}`], names.length > 0);
    const declaredParams = op.request.get('param');
    const declared = declaredParams ? (schemas.at(declaredParams).properties as Record<string, JsonSchema>) : {};
    const pathParameters = names.map((name) => {
      const own = declared[name];
      if (own) return { name, in: 'path', required: true, schema: own };
      componentParameters[name] ??= {
        name,
        in: 'path',
        required: true,
        description: pathParams[name]?.description ?? 'An id',
        schema: schemas.at(pathParamSchema(name)),
      };
      return { $ref: `#/components/parameters/${name}` };
    });
    const otherParameters = (['query', 'header'] as const).flatMap((target) => {
      const schema = op.request.get(target);
      if (!schema) return [];
      const json = schemas.at(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
      return Object.entries(json.properties ?? {}).map(([name, s]) => ({
        name,
        in: target,
        required: (json.required ?? []).includes(name),
        schema: s,
      }));
    });
    const parameters = [...pathParameters, ...otherParameters];
    const body = op.request.get('json');
    const operationId = spec.operationId ?? derivedOperationId(op.method, op.path);
    if (operationIds.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
    operationIds.add(operationId);
    const responses: Record<number, ResponseSpec> = { ...access.responses, ...spec.responses };
    // A GET has no body, so it never meets the body limit.
    if (op.method === 'GET') delete responses[413];
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = {
      operationId,
      summary: spec.summary,
      description: spec.description ? `${spec.description}\n\n${access.note}` : access.note,
      ...(spec.tags ? { tags: spec.tags } : {}),
      security: access.security,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemas.at(body) } } } }
        : spec.requestBody
          ? {
              requestBody: {
                required: true,
                description: spec.requestBody.description,
                content: { [spec.requestBody.contentType]: { schema: { type: 'string' } } },
              },
            }
          : {}),
      responses: Object.fromEntries(
        Object.entries(responses)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([status, r]) => [status, response(r)]),
      ),
    };
  }

  const usedTags = [...new Set(operations.flatMap((op) => op.spec?.tags ?? []))].sort();
  return {
    openapi: '3.1.0',
    info: apiInfo,
    servers: [{ url: '/', description: 'The host that serves this document' }],
    tags: usedTags.map((name) => ({ name, description: tagDescriptions[name] ?? name })),
    paths,
    components: {
      schemas: schemas.components(),
      responses: componentResponses,
      parameters: componentParameters,
      securitySchemes: {
        [SESSION_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: options.sessionCookie ?? '__Host-session',
          description:
            'The session cookie set by `POST /api/auth/login` (HttpOnly, SameSite=Lax; `__Host-session` over HTTPS, `session` on plain-http localhost).',
        },
      },
    },
  };
}

/** Routes registered on the app that the document does not describe (the coverage test expects none). */
export function undocumentedRoutes(routes: readonly RouteLike[], doc: Pick<OpenApiDocument, 'paths'>): string[] {
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
