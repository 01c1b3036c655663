import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WEB_ROOT, webBuildIsStale } from '../../infra/local/web-build';

/**
 * The smoke and security projects each start `npm start`, which rebuilds web/dist when it is stale.
 * Both projects run side by side under `npm test`: two builds emptying the same web/dist at once
 * would pull files from under a running platform. So the build happens once, here, before any file
 * (in its own process, as `npm run build:web` would).
 */
export default function setup(): void {
  if (!webBuildIsStale()) return;
  const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  const built = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit', timeout: 300_000 },
  );
  if (built.status !== 0) throw new Error(`building web/ failed (exit ${built.status ?? built.signal})`);
}
