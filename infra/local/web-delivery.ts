import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/**
 * The built SPA served the way CloudFront serves it (issue 17): hashed files under /assets never change
 * under their name, so browsers keep them a year without asking; index.html (and the SPA fallback, which
 * is index.html too) is revalidated on every visit, so a new release is picked up at once.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Vite writes every built file but index.html under /assets with a content hash in its name. */
export const isHashedAsset = (path: string) => path.startsWith('/assets/');

/** Cache-Control for the web's answers (not the API's: the API sets its own, route by route). */
export function webCacheHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.headers.has('Cache-Control')) return;
    if (isHashedAsset(c.req.path)) {
      // A missing chunk must not be remembered for a year (nor answered with index.html: see server.ts).
      if (c.res.status === 200) c.res.headers.set('Cache-Control', IMMUTABLE);
      else c.res.headers.set('Cache-Control', 'no-store');
    } else c.res.headers.set('Cache-Control', REVALIDATE);
  };
}

/** Below this a compressed answer saves less than its headers cost (hono's compress uses the same bound). */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts: brotli (9–13 % smaller than gzip -9 on our chunks), else gzip. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  return weight('gzip') > 0 ? 'gzip' : null;
}

function compressBytes(bytes: Uint8Array, encoding: Encoding, best: boolean): Promise<Uint8Array> {
  if (encoding === 'gzip') return gzipAsync(bytes, { level: best ? 9 : 6 });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/**
 * Compresses the web's text answers (scripts, styles, HTML, JSON) with brotli or gzip, as CloudFront does
 * in the cloud. Why our own and not hono's `compress`: that one does gzip and deflate only, and
 * compresses every answer again. A hashed asset's bytes never change under its name, so its best
 * compression (brotli -11: 9–13 % smaller than gzip -9 on our chunks, but ≈ 1 s of CPU for the largest)
 * is made once, off the event loop, and kept in memory (the whole build is under 1 MB; a new build has
 * new names); until it is ready — the first request of each asset after a start — the answer is
 * compressed at a fast level instead of waiting. Other answers are compressed per request at the fast
 * level. Not precompressed into web/dist at build time: the cloud deployment uploads that folder, and
 * CloudFront compresses on its own.
 */
export function webCompression(): MiddlewareHandler {
  const best = new Map<string, { bytes?: Uint8Array }>();
  const bestOf = (key: string, bytes: Uint8Array, encoding: Encoding): Uint8Array | undefined => {
    const entry = best.get(key);
    if (entry) return entry.bytes;
    const made: { bytes?: Uint8Array } = {};
    best.set(key, made);
    compressBytes(bytes, encoding, true).then(
      (compressed) => {
        made.bytes = compressed;
      },
      // Not remembered: the next request tries again.
      () => best.delete(key),
    );
    return undefined;
  };
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (res.status !== 200 || !res.body || res.headers.has('Content-Encoding')) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    const vary = res.headers.get('Vary');
    if (!vary) res.headers.set('Vary', 'Accept-Encoding');
    else if (!/accept-encoding/i.test(vary)) res.headers.set('Vary', `${vary}, Accept-Encoding`);
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || c.req.method === 'HEAD') return;
    const bytes = new Uint8Array(await res.arrayBuffer());
    let body: Uint8Array | null = null;
    if (bytes.length >= MIN_BYTES) {
      const kept = isHashedAsset(c.req.path) ? bestOf(`${encoding} ${c.req.path}`, bytes, encoding) : undefined;
      body = kept ?? (await compressBytes(bytes, encoding, false).catch(() => null));
    }
    const out = body ? new Uint8Array(body) : bytes;
    c.res = new Response(out, res);
    c.res.headers.set('Content-Length', String(out.length));
    if (body) c.res.headers.set('Content-Encoding', encoding);
  };
}
