import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../infra/local/web-delivery';
import { localServer } from '../../infra/local/server';
import type { App } from '../../shared/http/app';

// Issue 17: the local server serves the built SPA as CloudFront does — hashed assets immutable, index.html
// revalidated, text compressed (brotli or gzip), source maps never — and leaves the API's answers alone.
// A made-up build in a temporary folder and a stand-in API, through `app.request()`; test/security/
// web-headers.test.ts checks the same over HTTP against `npm start` with the real build.

const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
mkdirSync(join(dist, 'assets'));
const script = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `text number ${i}`))};\n`;
writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), '{"mappings":""}');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const api = new Hono();
api.get('/api/health', (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json({ status: 'ok', padding: 'x'.repeat(4096) });
});
const server = localServer(api as unknown as App, dist);
const get = (path: string, acceptEncoding?: string) =>
  server.request(path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });

describe('the local server delivers the web like a CDN', () => {
  it('hashed assets are cached for a year as immutable', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(script);
  });

  it('index.html and the SPA fallback are revalidated on every visit', async () => {
    for (const path of ['/', '/index.html', '/login', '/organizer/editions/x']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('a missing asset is a 404 that is not cached, never index.html under a script name', async () => {
    const res = await get('/assets/index-gone99.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).not.toMatch(/<script/);
  });

  it('scripts are sent gzipped when the client accepts gzip, brotli when it accepts brotli', async () => {
    const gzipped = await get('/assets/index-abc123.js', 'gzip, deflate');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const gzBytes = Buffer.from(await gzipped.arrayBuffer());
    expect(Number(gzipped.headers.get('content-length'))).toBe(gzBytes.length);
    expect(gzBytes.length).toBeLessThan(script.length / 2);
    expect(gunzipSync(gzBytes).toString()).toBe(script);

    const brotli = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(script);
    // The best compression is made once, off the event loop, and answers every later request.
    const best = brotliCompressSync(Buffer.from(script), {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(script),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    await expect
      .poll(async () => Buffer.from(await (await get('/assets/index-abc123.js', 'br')).arrayBuffer()), {
        timeout: 5000,
      })
      .toEqual(best);
  });

  it('a client that accepts no encoding gets the plain bytes', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.headers.get('content-encoding'), accept).toBeNull();
      expect(await res.text(), accept).toBe(script);
    }
  });

  it('source maps stay unreachable', async () => {
    for (const path of ['/assets/index-abc123.js.map', '/assets/index-abc123.js.MAP']) {
      const res = await get(path, 'gzip');
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toMatch(/mappings/);
    }
  });

  it("the API's answers keep their own headers and are not compressed here", async () => {
    const res = await get('/api/health', 'gzip, br');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    [undefined, null],
    ['gzip;q=0', null],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
