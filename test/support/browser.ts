import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../infra/local/dynamodb-local';
import { startPlatform, type RunningPlatform } from './local-process';

/** Shared by the browser suites: the repo, a throwaway platform, its demo accounts, and axe. */
export const repo = resolve(import.meta.dirname, '../..');
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** `npm start -- --in-memory` on a free port, as a person would start it. */
export async function startInMemoryPlatform(): Promise<RunningPlatform> {
  const port = await freePort();
  return startPlatform('npm', ['start', '--', '--in-memory', '--port', String(port)], { cwd: repo, port });
}

/** A demo account as `npm start` printed it, or null when it printed none. */
export function demoAccount(
  output: string,
  role: 'organizer' | 'institution' | 'expert',
): { email: string; password: string } | null {
  const match = new RegExp(`${role}\\s+(\\S+@\\S+)\\s+password: (\\S+)`).exec(output);
  return match ? { email: match[1] ?? '', password: match[2] ?? '' } : null;
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script> element: the pages' CSP forbids inline script.
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const result = await (window as unknown as { axe: { run: () => Promise<Result> } }).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/** Logs in through the Polish login form and waits until the session shows (the log-out button). */
export async function logIn(page: Page, baseUrl: string, account: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('button', { name: 'Wyloguj się' }).waitFor({ timeout: 15_000 });
}
