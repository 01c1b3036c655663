import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import type { AppEnv } from '../deps';
import { describe } from './describe';
import { buildOpenApiDocument, type DocumentOptions, type OpenApiDocument } from './document';
import { renderDocsPage } from './docs-page';

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
}

const OpenApiJson = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});

/**
 * `/api/openapi.json` and `/api/docs`, built on the first request for either from the finished app's
 * routes and its policy (not at import: a cold start never pays for it; no CDN; works offline).
 */
export function openApiRoutes(routesOf: () => readonly RouteLike[], options: DocumentOptions = {}) {
  let cached: OpenApiDocument | undefined;
  const doc = () => {
    cached ??= buildOpenApiDocument(routesOf(), options);
    return cached;
  };
  return new Hono<AppEnv>()
    .get(
      '/api/openapi.json',
      describe({
        summary: 'This OpenAPI 3.1 document',
        operationId: 'getOpenApiDocument',
        tags: ['platform'],
        responses: { 200: { description: 'OpenAPI document', schema: OpenApiJson } },
      }),
      (c) => c.json(doc(), 200),
    )
    .get(
      '/api/docs',
      describe({
        summary: 'Browsable API documentation',
        operationId: 'getApiDocsPage',
        tags: ['platform'],
        responses: { 200: { description: 'HTML page', contentType: 'text/html', schema: z.string() } },
      }),
      (c) => c.html(renderDocsPage(doc()), 200),
    );
}
