import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, AppRouter } from './deps';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Przyjazny Urząd platform API',
    version: '0.1.0',
    description: 'Quality-award contests for public institutions: editions, applications, chapter, scoring, results, certificates.',
  },
} as const;

export const getOpenApiDocument = createRoute({
  method: 'get',
  path: '/api/openapi.json',
  tags: ['platform'],
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: { description: 'OpenAPI document', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
});

export const getApiDocs = createRoute({
  method: 'get',
  path: '/api/docs',
  tags: ['platform'],
  summary: 'Browsable API documentation',
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
});

type Doc = ReturnType<AppRouter['getOpenAPI31Document']>;

/** Serves the document generated from the routes' own zod schemas, and a page to browse it (no CDN, works offline). */
export function openApiRoutes(documentOf: () => Doc) {
  let cached: Doc | undefined;
  const doc = () => (cached ??= documentOf());
  return new OpenAPIHono<AppEnv>()
    .openapi(getOpenApiDocument, (c) => c.json({ ...doc() }, 200))
    .openapi(getApiDocs, (c) => c.html(renderDocsPage(doc()), 200));
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

interface Operation { summary?: string; requestBody?: unknown; responses?: unknown; parameters?: unknown }

export function renderDocsPage(doc: Doc): string {
  const block = (title: string, value: unknown) =>
    value === undefined ? '' : `<h3>${esc(title)}</h3><pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, Operation | undefined>)[m];
      if (!op) return [];
      return [
        `<details><summary><span class="m m-${m}">${m.toUpperCase()}</span> <code>${esc(path)}</code> — ${esc(op.summary)}</summary>` +
          block('Parameters', op.parameters) + block('Request body', op.requestBody) + block('Responses', op.responses) +
          `</details>`,
      ];
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a}
details{border:1px solid #767676;border-radius:.4rem;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer}summary:focus-visible,a:focus-visible{outline:3px solid #005fcc;outline-offset:2px}
pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:.85rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.m-get{color:#035e2c}.m-post{color:#004a99}.m-put{color:#6b4100}.m-delete{color:#9b0000}
</style></head>
<body><main><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<h2>Operations</h2>
${operations.join('\n')}
<h2>Schemas</h2>
${block('Components', doc.components?.schemas)}
</main></body></html>`;
}
