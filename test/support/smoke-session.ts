import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startInMemoryPlatform } from './browser';
import { launchChromium } from './chromium';
import { type RunningPlatform, stopPlatform } from './local-process';

export interface SmokeSession {
  /** The platform `npm start -- --in-memory` started for this file (inside tests only). */
  readonly platform: RunningPlatform;
  /** A browser context closed with the session. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * One platform and one Chromium for a browser suite, started before its tests and stopped after them
 * (contexts first, then the browser, then the platform with Ctrl-C as a person would).
 */
export function smokeSession(): SmokeSession {
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });
  return {
    get platform() {
      if (!platform) throw new Error('the platform starts in beforeAll: use it inside a test');
      return platform;
    },
    async newContext(options) {
      if (!browser) throw new Error('Chromium starts in beforeAll: use it inside a test');
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
