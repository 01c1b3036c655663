import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../deps';
import { describe } from './describe';
import { buildOpenApiDocument, type OpenApiDocument } from './document';
import { renderDocsPage } from './docs-page';

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
}

/** `/api/openapi.json` and `/api/docs`, built once from the finished app's routes (no CDN; works offline). */
export function openApiRoutes(routesOf: () => readonly RouteLike[]) {
  let cached: OpenApiDocument | undefined;
  const doc = () => (cached ??= buildOpenApiDocument(routesOf()));
  return new Hono<AppEnv>()
    .get(
      '/api/openapi.json',
      describe({
        summary: 'This OpenAPI 3.1 document',
        tags: ['platform'],
        responses: { 200: { description: 'OpenAPI document', schema: z.object({}) } },
      }),
      (c) => c.json(doc(), 200),
    )
    .get(
      '/api/docs',
      describe({
        summary: 'Browsable API documentation',
        tags: ['platform'],
        responses: { 200: { description: 'HTML page', contentType: 'text/html', schema: z.string() } },
      }),
      (c) => c.html(renderDocsPage(doc()), 200),
    );
}
