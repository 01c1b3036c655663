import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { App } from '../../shared/http/app';
import { WEB_DIST } from './web-build';

/**
 * The laptop's front door: `/api/*` goes to the very same app Lambda serves, everything else is the
 * built SPA (unknown paths get index.html so client-side pages survive a reload).
 */
export function localServer(app: App, webDist: string = WEB_DIST): Hono {
  const server = new Hono();
  server.all('/api/*', (c) => app.fetch(c.req.raw));
  server.all('/api', (c) => app.fetch(c.req.raw));
  server.use('/*', serveStatic({ root: webDist }));
  server.get('*', async (c) => {
    const index = await readFile(join(webDist, 'index.html'), 'utf8').catch(() => null);
    if (index === null) return c.text('The web UI is not built. Run: npm run build:web', 503);
    return c.html(index);
  });
  return server;
}

export function listen(server: Hono, port: number, hostname = '127.0.0.1'): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const s = serve({ fetch: server.fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  });
}
