import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`) or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/**
 * Browser suites: where Chromium is absent they are skipped with a loud notice, except under CI=true,
 * where its absence fails the run — so a newcomer's `npm test` passes and CI never silently skips.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (hasChromium) {
    describe(name, body);
    return;
  }
  const how = `Chromium not found at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium\` or set CHROMIUM_PATH.`;
  if (process.env.CI === 'true') throw new Error(`${how} Browser tests cannot be skipped in CI.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING browser tests "${name}": ${how}\n${'!'.repeat(78)}\n`);
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
