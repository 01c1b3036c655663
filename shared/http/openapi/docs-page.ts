import type { OpenApiDocument } from './document';

type Doc = OpenApiDocument;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

interface Operation {
  summary?: string;
  description?: string;
  requestBody?: unknown;
  responses?: unknown;
  parameters?: unknown;
}

/** JSON as escaped text, each `$ref` to a component a link to its entry further down the page. */
const json = (value: unknown) =>
  esc(JSON.stringify(value, null, 2)).replace(
    /&quot;#\/components\/(schemas|responses|parameters)\/([A-Za-z0-9_]+)&quot;/g,
    (_m, kind: string, name: string) => `&quot;<a href="#${kind}-${name}">#/components/${kind}/${name}</a>&quot;`,
  );

export function renderDocsPage(doc: Doc): string {
  const block = (title: string, value: unknown) =>
    value === undefined ? '' : `<h3>${esc(title)}</h3><pre>${json(value)}</pre>`;
  const components = (['schemas', 'responses', 'parameters'] as const).map((kind) => {
    const entries = Object.entries(doc.components[kind]);
    if (entries.length === 0) return '';
    return `<h2>Components: ${kind}</h2>\n${entries
      .map(
        ([name, value]) =>
          `<details id="${kind}-${esc(name)}"><summary><code>${esc(name)}</code></summary><pre>${json(value)}</pre></details>`,
      )
      .join('\n')}`;
  });
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, Operation | undefined>)[m];
      if (!op) return [];
      return [
        `<details><summary><span class="m m-${m}">${m.toUpperCase()}</span> <code>${esc(path)}</code> — ${esc(op.summary)}</summary>` +
          (op.description ? `<p>${esc(op.description)}</p>` : '') +
          block('Parameters', op.parameters) +
          block('Request body', op.requestBody) +
          block('Responses', op.responses) +
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
${components.join('\n')}

</main></body></html>`;
}
