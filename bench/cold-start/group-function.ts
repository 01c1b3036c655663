/**
 * Option (d) of docs/performance.md (issue 17, item 13), measured rather than argued: a request's route
 * group deployed as a Lambda function of its own, i.e. the same shell (middleware, policy, origin secret,
 * cloud wiring) with only that group's routes, imported statically and built by `buildSplitBundle` like
 * the api. `BENCH_COLD_START_VARIANT=groups` samples it as the variant of each request, between the same
 * runs as the api and the baseline. Nothing here is deployed: the stack has one api function.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSplitBundle, bundleFileName, repoRoot } from '../../infra/constructs/bundling';
import { groupPaths } from '../../shared/http/route-table';
import { benchRoot } from '../support';

/** Each group's module and export, read from lazy-app.ts's `routeGroups` so there is one list. */
function groupModules(): Map<string, { module: string; name: string }> {
  const source = readFileSync(join(repoRoot, 'shared/http/lazy-app.ts'), 'utf8');
  const found = new Map<string, { module: string; name: string }>();
  for (const m of source.matchAll(/^\s+(\w+): \(\) => import\('\.\/routes\/([\w-]+)'\)\.then\(\(m\) => m\.(\w+)\)/gm)) {
    const [, group, module, name] = m;
    if (group && module && name) found.set(group, { module, name });
  }
  return found;
}

/** The group whose paths (route-table.ts, in createApp's order) match a request path. */
export function groupOf(path: string): string {
  for (const [group, paths] of Object.entries(groupPaths))
    for (const p of paths.split(' ')) if (new RegExp(`^/api${p.replace(/:[^/]+/g, '[^/]+')}$`).test(path)) return group;
  throw new Error(`no route group has ${path}`);
}

const built = new Map<string, { index: string }>();

/** The group's function, built once per run into bench/.build/group-<name>. */
export function groupFunction(path: string): { index: string; group: string } {
  const group = groupOf(path);
  const cached = built.get(group);
  if (cached) return { ...cached, group };
  const mod = groupModules().get(group);
  if (!mod) throw new Error(`route group ${group} is not in lazy-app.ts's routeGroups`);
  const entries = join(benchRoot, '.build', 'group-entries');
  mkdirSync(entries, { recursive: true });
  const entry = join(entries, `${group}.ts`);
  const from = (p: string) => JSON.stringify(join(repoRoot, p));
  writeFileSync(
    entry,
    [
      `import { handle } from 'hono/aws-lambda';`,
      `import { cloudDeps } from ${from('functions/cloud-deps')};`,
      `import { readConfig } from ${from('shared/config')};`,
      `import { appShell, finishApp } from ${from('shared/http/app-shell')};`,
      `import { originSecretsFromEnv, requireOriginSecret } from ${from('shared/http/middleware/origin-secret')};`,
      `import { ${mod.name} } from ${from(`shared/http/routes/${mod.module}`)};`,
      `const deps = cloudDeps(readConfig());`,
      `const app = appShell(deps);`,
      `app.route('/', ${mod.name}(deps));`,
      `finishApp(app, deps);`,
      `export const handler = handle(requireOriginSecret(app, originSecretsFromEnv(process.env), deps.logger));`,
      '',
    ].join('\n'),
  );
  const dir = join(benchRoot, '.build', `group-${group}`);
  rmSync(dir, { recursive: true, force: true });
  buildSplitBundle(entry, dir);
  const result = { index: join(dir, bundleFileName) };
  built.set(group, result);
  return { ...result, group };
}
