import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { AREA_TEXTS, type AreaName, type TextArea } from '../src/area-texts.ts';
import { PUBLIC_ROUTES } from '../src/public-routes.ts';

/**
 * One request round less before a public page appears (issue 17, Lighthouse mobile). Without this the
 * browser learns what the first page needs only by running the entry: document → entry → the page's
 * area chunk and the texts → render. This plugin writes a tiny classic script (`assets/preload-<hash>.js`,
 * external because the CSP allows `script-src 'self'` only, no inline script) that the document loads
 * beside the entry; it picks the page's area from the path (web/src/public-routes.ts) and the language
 * (`localStorage.lang`, Polish by default, as web/src/i18n.ts does) and adds `<link rel="modulepreload">`
 * for the area's chunks and the text files the first render waits for — so they download while the
 * entry does. The file names come from the bundle's chunk graph, so they are always this build's.
 */

const LANGUAGES = ['pl', 'en'] as const;
/** Loaded before every first render (web/src/i18n.ts `ALWAYS`). */
const ALWAYS: readonly TextArea[] = ['common', 'landing'];

interface Chunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
}

const textModule = (area: TextArea, language: string) =>
  `/src/locales/${area === 'common' ? language : `${area}.${language}`}.json`;

/**
 * The browser-side script, kept small (it is part of every first visit's JavaScript): `routes` are
 * [pattern, area] pairs, `files[language]` lists by area what to preload (the area's chunks and texts),
 * under "" what every page needs (the common texts).
 */
export function preloadScript(base: string, routes: readonly (readonly [string, string])[], files: object): string {
  return `(()=>{var p=location.pathname.replace(/\\/+$/,"")||"/",l;try{l=localStorage.getItem("lang")}catch(e){}var F=${JSON.stringify(files)}[l=="en"?"en":"pl"],r=${JSON.stringify(routes)}.find(function(x){return RegExp("^(?:"+x[0]+")$").test(p)});F[""].concat(r?F[r[1]]:[]).forEach(function(h){var e=document.createElement("link");e.rel="modulepreload";e.crossOrigin="";e.href=${JSON.stringify(base)}+h;document.head.appendChild(e)})})();\n`;
}

export function firstPagePreload(webRoot: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'first-page-preload',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (resolve(config.root) !== resolve(webRoot)) return;
        const chunks = Object.values(bundle).filter((o): o is typeof o & Chunk => o.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const byModule = (suffix: string) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(suffix));
          if (!chunk) throw new Error(`first-page-preload: no chunk for ${suffix}`);
          return chunk;
        };
        const closure = (start: Chunk, into = new Set<string>()) => {
          if (into.has(start.fileName)) return into;
          into.add(start.fileName);
          for (const imported of start.imports) {
            const next = byFile.get(imported);
            if (next) closure(next, into);
          }
          return into;
        };
        const entries = chunks.filter((c) => c.isEntry);
        if (entries.length !== 1) throw new Error('first-page-preload: expected one entry chunk');
        // The document already loads the entry and what it imports statically.
        const inDocument = closure(entries[0] as Chunk);
        const areas = [...new Set(PUBLIC_ROUTES.map(([, area]) => area))];
        const name = (file: string) => file.replace(/^.*\//, '');
        const files = Object.fromEntries(
          LANGUAGES.map((language) => {
            const of = (modules: string[]) => [
              ...new Set(modules.flatMap((m) => [...closure(byModule(m))].filter((f) => !inDocument.has(f)))),
            ];
            const texts = (list: readonly TextArea[]) => list.map((t) => textModule(t, language));
            const perArea = areas.map((area: AreaName) => [
              area,
              of([`/src/areas/${area}.ts`, ...texts(AREA_TEXTS[area])]).map(name),
            ]);
            return [language, Object.fromEntries([['', of(texts(ALWAYS)).map(name)], ...perArea])];
          }),
        );
        const source = preloadScript(
          `${config.base}${config.build.assetsDir}/`.replace(/\/+/g, '/'),
          PUBLIC_ROUTES,
          files,
        );
        const ref = this.emitFile({ type: 'asset', name: 'preload.js', source });
        const fileName = this.getFileName(ref);
        const html = bundle['index.html'];
        if (html?.type !== 'asset' || typeof html.source !== 'string')
          throw new Error('first-page-preload: index.html is not in the bundle yet');
        // Before the entry's module script: deferred, so it never blocks the parser, and (deferred scripts
        // and module scripts run in document order) it has run before the entry asks for the same files.
        html.source = html.source.replace(
          /(\s*)<script type="module"/,
          `$1<script defer src="${config.base}${fileName}"></script>$1<script type="module"`,
        );
      },
    },
  };
}
