import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { App } from '../../shared/http/app';
import { pageSecurityHeaders } from '../../shared/http/page-headers';
import { WEB_DIST } from './web-build';
import { webCacheHeaders, webCompression } from './web-delivery';

type LocalEnv = { Bindings: HttpBindings };

/**
 * The laptop's front door: `/api/*` goes to the very same app Lambda serves, everything else is the
 * built SPA (unknown paths get index.html so client-side pages survive a reload).
 */
export function localServer(app: App, webDist: string = WEB_DIST): Hono<LocalEnv> {
  const server = new Hono<LocalEnv>();
  server.use('*', closeAfterUnreadBody());
  // The Node bindings go along, so the app sees the socket's address (getConnInfo in local-deps.ts).
  server.all('/api/*', (c) => app.fetch(c.req.raw, c.env));
  server.all('/api', (c) => app.fetch(c.req.raw, c.env));

  const headers = Object.entries(pageSecurityHeaders());
  server.use('*', async (c, next) => {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  });
  // Like CloudFront (issue 17): hashed assets cached for a year, index.html revalidated, text compressed.
  server.use('*', webCacheHeaders());
  server.use('*', webCompression());
  // Vite writes hidden source maps next to the bundle (for reading stack traces); they are not served.
  server.use('*', async (c, next) => (/\.map$/i.test(c.req.path) ? c.text('Not found', 404) : next()));
  server.use('/*', serveStatic({ root: webDist }));
  // A missing chunk (a tab still running an earlier build) is a 404, not index.html under a script's name.
  server.get('/assets/*', (c) => c.text('Not found', 404));
  server.get('*', async (c) => {
    const index = await readFile(join(webDist, 'index.html'), 'utf8').catch(() => null);
    if (index === null) return c.text('The web UI is not built. Run: npm run build:web', 503);
    return c.html(index);
  });
  return server;
}

/**
 * Idle keep-alive connections stay open longer than clients keep them (Node's default is 5 s; browsers
 * and undici reuse a connection for longer), so the server never closes one just as a client sends its
 * next request on it — that request would fail with "other side closed".
 */
const KEEP_ALIVE_MS = 65_000;

export function listen(server: Hono<LocalEnv>, port: number, hostname = '127.0.0.1'): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const s = serve({ fetch: server.fetch, port, hostname }, () => resolve(s));
    if ('keepAliveTimeout' in s) s.keepAliveTimeout = KEEP_ALIVE_MS;
    s.once('error', reject);
  });
}

/** How much of a refused body is still read off the wire, at most, before the connection is closed. */
export const UNREAD_BODY_DRAIN = { maxBytes: 64 * 1024 * 1024, maxMs: 5_000 };

/**
 * A request answered before its body arrived (413 from a declared Content-Length, a refused upload
 * link…): the client is still sending. Closing the socket with bytes unread makes the kernel reset
 * the connection, and the reset can wipe the answer before the client reads it; keeping it alive
 * leaves the rest of the body where the next request should start. So the rest is read and thrown
 * away (bounded) before answering, and the answer says `Connection: close`.
 */
function closeAfterUnreadBody(): MiddlewareHandler<LocalEnv> {
  return async (c, next) => {
    await next();
    const incoming = c.env?.incoming;
    if (!incoming || incoming.complete) return;
    await discardRest(incoming, UNREAD_BODY_DRAIN);
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set('Connection', 'close');
  };
}

function discardRest(incoming: IncomingMessage, bound: { maxBytes: number; maxMs: number }): Promise<void> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = () => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', done);
      incoming.off('error', done);
      incoming.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > bound.maxBytes) done();
    };
    const timer = setTimeout(done, bound.maxMs);
    // Whoever started reading the body (a body-limit reader) no longer needs it: the answer is made.
    incoming.removeAllListeners('data');
    incoming.on('data', onData);
    incoming.once('end', done);
    incoming.once('error', done);
    incoming.once('close', done);
    incoming.resume();
  });
}
