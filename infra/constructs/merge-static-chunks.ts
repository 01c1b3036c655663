import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';

/**
 * Folds the chunks the handler imports statically into `index.mjs` (after esbuild's split build).
 *
 * esbuild puts every module that two entry points share into a chunk of its own, so the handler's
 * static closure was 25–30 small files that every cold start reads, links and compiles one by one.
 * Every request loads them anyway, so they become one file (a modest gain: Node pays for bytes more than
 * for files — docs/performance.md, issue 17 item 10 and "Where a signed-in cold start goes", where joining
 * the groups' shared chunks too was measured and dropped). A second esbuild pass
 * bundles `index.mjs` with them, re-exporting each chunk's exports under a unique name, and the route
 * groups' chunks import those from `../index.mjs` instead of the removed chunks. Module instances stay
 * single (one AppError class, one DynamoDB client): each module is in exactly one file, as before.
 *
 * Dynamic imports are left as they are (made external through a marker path, so a chunk moved from
 * `chunks/` into `index.mjs` keeps pointing at the right file). The groups' chunks are edited only on
 * a new first line (their imports) with the old import text blanked to spaces, and their maps gain one
 * empty line, so their source maps stay exact; the merged file's map is esbuild's own.
 */
export function mergeStaticChunks(
  outdir: string,
  metafile: Metafile,
  options: Pick<BuildOptions, 'target' | 'minify' | 'sourcemap'>,
): Metafile {
  const outputs = metafile.outputs;
  const indexKey = Object.keys(outputs).find((k) => basename(k) === 'index.mjs' && !k.includes('/chunks/'));
  if (!indexKey) throw new Error('mergeStaticChunks: no index.mjs in the metafile');
  const base = indexKey.slice(0, -'index.mjs'.length); // the outdir as the metafile spells it
  const merged = staticClosure(outputs, indexKey).filter((k) => k !== indexKey);
  if (merged.length === 0) return metafile;
  const fileOf = (key: string) => join(outdir, key.slice(base.length));
  const idOf = (key: string) => `_${basename(key, '.mjs').replace(/[^A-Za-z0-9]/g, '_')}`;

  // 1. Dynamic imports of the files that move: a marker path relative to the outdir, kept external.
  const marker = '__dynamic_import__/';
  for (const key of [indexKey, ...merged]) {
    const file = fileOf(key);
    const code = readFileSync(file, 'utf8').replace(/import\("(\.\.?\/[^"]+)"\)/g, (_, spec: string) => {
      const target = posix.normalize(posix.join(posix.dirname(key.slice(base.length)), spec));
      return `import("${marker}${target}")`;
    });
    writeFileSync(file, code);
  }

  // 2. One file: the handler's exports, and every merged chunk's exports under `_<chunk>$<name>`.
  const entry = join(outdir, '__merge_entry__.mjs');
  const reexports = merged.map((key) => {
    const names = outputs[key]?.exports ?? [];
    if (names.length === 0) return `import './${key.slice(base.length)}';`;
    return `export { ${names.map((n) => `${n} as ${idOf(key)}$${n}`).join(', ')} } from './${key.slice(base.length)}';`;
  });
  writeFileSync(entry, [`export * from './index.mjs';`, ...reexports].join('\n'));
  buildSync({
    entryPoints: [entry],
    outfile: join(outdir, '__merged__.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: options.target,
    minify: options.minify,
    sourcemap: options.sourcemap,
    external: [`${marker}*`],
    logLevel: 'error',
  });
  const mergedCode = readFileSync(join(outdir, '__merged__.mjs'), 'utf8')
    .replaceAll(`"${marker}`, '"./')
    .replace('//# sourceMappingURL=__merged__.mjs.map', '//# sourceMappingURL=index.mjs.map');
  writeFileSync(fileOf(indexKey), mergedCode);
  if (existsSync(join(outdir, '__merged__.mjs.map')))
    renameSync(join(outdir, '__merged__.mjs.map'), `${fileOf(indexKey)}.map`);
  rmSync(join(outdir, '__merged__.mjs'));
  rmSync(entry);
  for (const key of merged) {
    rmSync(fileOf(key));
    rmSync(`${fileOf(key)}.map`, { force: true });
  }

  // 3. The other chunks import what they used from the merged file.
  const mergedNames = new Map(merged.map((k) => [basename(k), k]));
  for (const key of Object.keys(outputs)) {
    if (key === indexKey || merged.includes(key) || !key.endsWith('.mjs')) continue;
    const file = fileOf(key);
    const code = readFileSync(file, 'utf8');
    const lifted: string[] = [];
    const blanked = code.replace(
      /import(?:\{([^}]*)\}from)?"\.\/([^"]+\.mjs)";?/g,
      (statement: string, names: string | undefined, spec: string) => {
        const from = mergedNames.get(spec);
        if (!from) return statement;
        const rel = posix.relative(posix.dirname(key.slice(base.length)), 'index.mjs');
        const toIndex = rel.startsWith('.') ? rel : `./${rel}`;
        const list = (names ?? '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
          .map((n) => {
            const [exported, local = exported] = n.split(/\s+as\s+/);
            return `${idOf(from)}$${exported} as ${local}`;
          });
        lifted.push(list.length ? `import{${list.join(',')}}from"${toIndex}";` : `import"${toIndex}";`);
        return ' '.repeat(statement.length);
      },
    );
    if (lifted.length === 0) continue;
    writeFileSync(file, `${[...new Set(lifted)].join('')}\n${blanked}`);
    const map = `${file}.map`;
    if (existsSync(map)) {
      const json = JSON.parse(readFileSync(map, 'utf8')) as { mappings: string };
      json.mappings = `;${json.mappings}`;
      writeFileSync(map, JSON.stringify(json));
    }
    for (const name of mergedNames.keys())
      if (readFileSync(file, 'utf8').includes(`/${name}"`) || readFileSync(file, 'utf8').includes(`"./${name}"`))
        throw new Error(`mergeStaticChunks: ${key} still refers to the merged ${name}`);
  }

  // 4. The metafile as the files now are: index.mjs holds the merged chunks' inputs.
  const next: Metafile = { inputs: metafile.inputs, outputs: {} };
  for (const [key, out] of Object.entries(outputs)) {
    if (merged.includes(key) || key.endsWith('.map')) {
      if (key.endsWith('.map') && !merged.some((m) => `${m}.map` === key)) next.outputs[key] = out;
      continue;
    }
    const imports = out.imports
      .filter((i) => !(key === indexKey && merged.includes(i.path)))
      .map((i) => (merged.includes(i.path) ? { ...i, path: indexKey } : i));
    next.outputs[key] =
      key === indexKey
        ? {
            ...out,
            imports: [...imports, ...merged.flatMap((m) => outputs[m]?.imports ?? [])].filter(
              (i) => i.kind === 'dynamic-import' || i.external,
            ),
            inputs: Object.assign({}, out.inputs, ...merged.map((m) => outputs[m]?.inputs ?? {})),
            bytes: Buffer.byteLength(mergedCode),
          }
        : { ...out, imports, bytes: Buffer.byteLength(readFileSync(fileOf(key))) };
  }
  return next;
}

/** The outputs a file pulls in with static imports: what loading it loads. */
export function staticClosure(outputs: Metafile['outputs'], output: string): string[] {
  const seen = new Set<string>([output]);
  const todo = [output];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external && !seen.has(imp.path)) {
        seen.add(imp.path);
        todo.push(imp.path);
      }
    }
  }
  return [...seen];
}
