import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

/**
 * Issue 18 §4 in a real browser: the demo's published ranking of this year on a 375 px phone (tables per
 * type, movement with words, reachable by keyboard), the organizer's measurement page and the office's
 * opt-in list on its surveys page. axe on every state.
 */
describeWithBrowser('the standard measurement (375 × 812, npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
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

  it('public ranking on a phone, the organizer’s page and the office’s opt-in, axe clean', async () => {
    const year = new Date().getUTCFullYear();
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
    contexts.push(phone);
    const page = await phone.newPage();
    await page.goto(`${platform.baseUrl}/badanie-satysfakcji/${year}`);
    await page.getByRole('heading', { name: 'Urząd gminy / miasta' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('table').count()).toBe(2);
    expect(await page.getByText(/awans z miejsca|spadek z miejsca/).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the public ranking').toEqual([]);

    const organizer = await browser.newContext();
    contexts.push(organizer);
    const org = await organizer.newPage();
    await logIn(org, platform.baseUrl, demoAccount(platform.output(), 'organizer')!);
    await org.goto(`${platform.baseUrl}/organizer/measurement`);
    await org.getByRole('button', { name: 'Podgląd rankingu' }).click({ timeout: 15_000 });
    await org.getByRole('table').first().waitFor({ timeout: 15_000 });
    expect(await axeViolations(org), 'the organizer’s page').toEqual([]);

    const office = await browser.newContext();
    contexts.push(office);
    const staff = await office.newPage();
    await logIn(staff, platform.baseUrl, demoAccount(platform.output(), 'institution')!);
    await staff.setViewportSize({ width: 375, height: 812 }); // signed in on the wide menu, then the phone
    await staff.goto(`${platform.baseUrl}/institution/surveys`);
    await staff.getByRole('heading', { name: 'Roczne badanie satysfakcji' }).waitFor({ timeout: 15_000 });
    expect(await staff.getByRole('link', { name: `Publiczny ranking ${year}` }).count()).toBe(1);
    expect(await axeViolations(staff), 'the surveys page').toEqual([]);
  }, 180_000);
});
