import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { send, type Reply } from '../support/loopback-client';
import { latestDemoAccount, platformPerFile } from '../support/security-platform';

/**
 * Issue 11, item 6: the web pages carried no security headers and the build published its source
 * maps. Every page and asset gets a strict CSP (no inline script), nosniff, frame protection and a
 * referrer policy; no source map is reachable; and no page logs a CSP violation in Chromium.
 */
const platform = platformPerFile();

/** The CSP header as directive → sources. */
function csp(reply: Reply): Map<string, string[]> {
  const header = reply.headers['content-security-policy'];
  expect(typeof header, `${reply.status} without a CSP`).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

function expectPageHeaders(reply: Reply, what: string): void {
  const policy = csp(reply);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('style-src'), what).toEqual(["'self'"]);
  expect(policy.get('connect-src'), what).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'none'"]);
  expect(policy.get('form-action'), what).toEqual(["'self'"]);
  // Nothing that reopens the door: no 'unsafe-…', no wildcard, no whole scheme (but data: images).
  for (const [directive, sources] of policy) {
    const loose = sources.filter(
      (s) => s.includes('unsafe') || s === '*' || (/^[a-z-]+:$/.test(s) && !(directive === 'img-src' && s === 'data:')),
    );
    expect(loose, `${what}: ${directive}`).toEqual([]);
  }
  expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
  expect(reply.headers['x-frame-options'], what).toBe('DENY');
  expect(reply.headers['referrer-policy'], what).toBe('no-referrer');
  expect(reply.headers['cross-origin-opener-policy'], what).toBe('same-origin');
}

describe('security headers over HTTP', () => {
  const get = (path: string) => send(`${platform().baseUrl}${path}`);

  it('every page of the SPA (index.html for any client-side path) has them, with no inline script', async () => {
    for (const path of ['/', '/index.html', '/login', '/register', '/applications', '/organizer/editions/x', '/nope']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toMatch(/^text\/html/);
      expectPageHeaders(reply, path);
      const scripts = [...reply.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, attributes, content] of scripts) {
        expect(attributes, path).toMatch(/\bsrc="\/assets\//);
        expect(content?.trim(), path).toBe('');
      }
      expect(reply.body, path).not.toMatch(/\sstyle=|<style/i);
    }
  });

  it('the built assets have them too', async () => {
    const index = await get('/');
    const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const reply = await get(asset);
      expect(reply.status, asset).toBe(200);
      expectPageHeaders(reply, asset);
    }
  });

  it('API answers keep their own, stricter headers', async () => {
    for (const path of ['/api/health', '/api/nope', '/api/me', '/api/docs']) {
      const reply = await get(path);
      const policy = csp(reply);
      expect(policy.get('default-src'), path).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'none'"]);
      expect(policy.get('form-action'), path).toEqual(["'none'"]);
      expect(policy.get('script-src') ?? policy.get('default-src'), path).toEqual(["'none'"]);
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
      expect(reply.headers['x-frame-options'], path).toBe('DENY');
      expect(reply.headers['referrer-policy'], path).toBe('no-referrer');
      expect(reply.headers['strict-transport-security'], path).toMatch(/^max-age=\d{8,}/);
    }
  });

  it('no source map is reachable, and the bundle does not point at one', async () => {
    const index = await get('/');
    const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect((await get(asset)).body, asset).not.toMatch(/sourceMappingURL/);
      for (const map of [`${asset}.map`, `${asset}%2Emap`, `${asset}.MAP`]) {
        const reply = await get(map);
        expect(reply.status, map).toBe(404);
        expect(reply.body, map).not.toMatch(/"mappings"/);
      }
    }
  });
});

describe('caching and compression over HTTP, as CloudFront serves the web (issue 17)', () => {
  const get = (path: string, headers: Record<string, string> = {}) => send(`${platform().baseUrl}${path}`, { headers });

  it('hashed assets: immutable for a year, compressed when asked; pages: revalidated', async () => {
    const index = await get('/');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await get('/organizer/editions/x')).headers['cache-control']).toBe('no-cache');
    const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const plain = await get(asset);
      expect(plain.status, asset).toBe(200);
      expect(plain.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      expect(plain.headers['content-encoding'], asset).toBeUndefined();
      // Under 1 KB (the runtime chunk) compression saves less than it costs, so it is sent as it is.
      if (Number(plain.headers['content-length']) < 1024) continue;
      const gzipped = await get(asset, { 'accept-encoding': 'gzip' });
      expect(gzipped.headers['content-encoding'], asset).toBe('gzip');
      expect(gzipped.headers.vary, asset).toMatch(/accept-encoding/i);
      expect(Number(gzipped.headers['content-length']), asset).toBeLessThan(Number(plain.headers['content-length']));
      expect((await get(asset, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding'], asset).toBe(
        'br',
      );
    }
  });

  it('a missing chunk is a 404, not index.html, and is not cached', async () => {
    const reply = await get('/assets/index-0000000.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});

describeWithBrowser('no page logs a CSP violation in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A context that records every CSP violation (DOM event and console line) and uncaught error. */
  async function watchedContext(): Promise<{ context: BrowserContext; problems: string[] }> {
    const context = await browser.newContext();
    const problems: string[] = [];
    context.on('console', (message) => {
      if (/content.security.policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
    await context.exposeBinding('reportCspViolation', ({ page }, text: string) => {
      problems.push(`${new URL(page.url()).pathname}: ${text}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    return { context, problems };
  }

  /**
   * Visits the seed pages and the in-app links found on them, breadth first, up to `max` pages. Links
   * only navigate (GET); nothing is clicked that could change data.
   */
  async function crawl(context: BrowserContext, seeds: readonly string[], max: number): Promise<string[]> {
    const page = await context.newPage();
    const seen = new Set(seeds);
    const queue = [...seeds];
    const visited: string[] = [];
    while (queue.length > 0 && visited.length < max) {
      const path = queue.shift() ?? '/';
      await page.goto(`${platform().baseUrl}${path}`);
      await page.locator('h1').first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      visited.push(path);
      const links = await page
        .locator('a[href^="/"]:not([download])')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const link of links) {
        const clean = link.split('#')[0] ?? '';
        if (clean && !clean.startsWith('/api') && !seen.has(clean)) {
          seen.add(clean);
          queue.push(clean);
        }
      }
    }
    await page.close();
    return visited;
  }

  it('the violation watcher works: an injected inline script is blocked and reported', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${platform().baseUrl}/`);
    await page.locator('h1').waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.some((p) => p.includes('script-src'))).toBe(true);
    await context.close();
  });

  it('public pages', async () => {
    const { context, problems } = await watchedContext();
    const visited = await crawl(
      context,
      [
        '/',
        '/login',
        '/register',
        '/forgot-password',
        '/reset-password?token=x',
        '/verify-email?token=x',
        '/accept-invitation?token=x',
        '/outbox',
        '/no-such-page',
        '/api/docs',
      ],
      20,
    );
    expect(visited.length).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
    await context.close();
  });

  const roles = [
    { role: 'organizer', seeds: ['/organizer/editions', '/organizer/users', '/organizer/audit', '/account'] },
    { role: 'institution', seeds: ['/applications', '/institution', '/account'] },
    { role: 'expert', seeds: ['/expert', '/account'] },
  ] as const;
  for (const { role, seeds } of roles) {
    it(`the ${role}'s pages`, async () => {
      const account = latestDemoAccount(platform().output(), role);
      expect(account, platform().output()).not.toBeNull();
      const { context, problems } = await watchedContext();
      const page = await context.newPage();
      await logIn(page, platform().baseUrl, account!);
      await page.close();
      const visited = await crawl(context, seeds, 15);
      expect(visited.length).toBeGreaterThanOrEqual(seeds.length);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
