import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, demoAccount, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

/**
 * Issue 16 §4–5: every page of every demo role (and of an anonymous visitor) on a 375 × 812 phone is
 * no wider than the screen and axe-clean; each role lands on its home after login; the header folds
 * behind a menu button on the phone and stays on one line at 1280 px.
 */
const PHONE = { width: 375, height: 812 };
type Role = 'organizer' | 'institution' | 'expert';

/** The elements that stick out past the right edge, to say what to fix when the page is too wide. */
const overflowing = (page: Page) =>
  page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > limit + 0.5 && r.width > 0)
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} → ${r.right}`);
    }
    return out.slice(0, 8);
  }, PHONE.width);

/** Opens the page, waits for its data, and checks the width and axe. */
async function checkPage(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('h1').waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('main .loading').count(), { timeout: 15_000 }).toBe(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= PHONE.width ? [] : await overflowing(page), `${path} is ${width}px wide`).toEqual([]);
  expect(width, path).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page), path).toEqual([]);
}

/** The in-app links on the page matching `pattern`, first of each distinct path, at most `max`. */
async function linksOn(page: Page, pattern: RegExp, max: number): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('main a[href^="/"]')].map((a) => a.getAttribute('href') ?? ''),
  );
  return [...new Set(hrefs.filter((h) => pattern.test(h.split('?')[0] ?? '')))].slice(0, max);
}

/** Logs in with the form (the header's tools are behind the menu button on a phone). */
async function logInOnPhone(page: Page, baseUrl: string, account: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe('/login');
}

describeWithBrowser('phones and landing pages (375 × 812, npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const phone = async () => {
    const context = await browser.newContext({ viewport: PHONE });
    contexts.push(context);
    return context.newPage();
  };
  const account = (role: Role) => {
    const demo = demoAccount(platform.output(), role);
    expect(demo, platform.output()).not.toBeNull();
    return demo!;
  };

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('the header folds behind a menu button: keyboard opens it, Escape closes it, the skip link stays first', async () => {
    const page = await phone();
    await page.goto(`${platform.baseUrl}/`);
    await page.locator('h1').waitFor();
    const toggle = page.getByRole('button', { name: 'Menu' });
    const laureates = page.locator('header').getByRole('link', { name: 'Laureaci' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await laureates.isVisible()).toBe(false);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await laureates.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page), '/ with the menu open').toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('site-menu');
    expect(await laureates.isVisible()).toBe(false);

    // Choosing a link closes the menu on the new page.
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await laureates.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Laureaci konkursu');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('anonymous: every public page fits the phone and is axe-clean; developer links only in the footer', async () => {
    const page = await phone();
    await page.goto(`${platform.baseUrl}/laureaci`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    const published = await linksOn(page, /^\/laureaci\/[^/]+$/, 2);
    expect(published.length).toBeGreaterThan(0);
    for (const path of [
      '/',
      '/laureaci',
      ...published,
      '/weryfikacja',
      '/en/verify',
      '/weryfikacja/NIEMA-TAKIEGO-KODU',
      '/login',
      '/register',
      '/forgot-password',
      '/reset-password?token=x',
      '/verify-email',
      '/accept-invitation?token=x',
      '/outbox',
      '/no-such-page',
    ])
      await checkPage(page, platform.baseUrl, path);
    // Local mode: the outbox and the API docs are in the footer's developer area, not the main menu.
    await page.goto(`${platform.baseUrl}/`);
    await page.locator('h1').waitFor();
    expect(await page.locator('header a[href="/outbox"], header a[href="/api/docs"]').count()).toBe(0);
    expect(await page.locator('footer a[href="/outbox"]').count()).toBe(1);
    expect(await page.locator('footer a[href="/api/docs"]').count()).toBe(1);
  }, 600_000);

  it('institution: lands on its applications with the open edition and its deadline; every page fits', async () => {
    const page = await phone();
    await logInOnPhone(page, platform.baseUrl, account('institution'));
    expect(new URL(page.url()).pathname).toBe('/applications');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Zgłoszenia konkursowe');
    await expect.poll(() => page.locator('#ap-open-title + ul').textContent()).toContain('Termin składania zgłoszeń');
    const own = await linksOn(page, /^\/applications\/[^/]+(\/result)?$/, 4);
    for (const path of ['/applications', ...own, '/institution', '/account', '/', '/laureaci'])
      await checkPage(page, platform.baseUrl, path);
    // Its residents' surveys (issue 18): the list with the public link, and the demo survey's figures.
    await checkPage(page, platform.baseUrl, '/institution/surveys');
    const surveys = await linksOn(page, /^\/institution\/surveys\/[^/]+$/, 1);
    expect(surveys).toHaveLength(1);
    for (const path of surveys) await checkPage(page, platform.baseUrl, path);
    // The figures' tables, and beside each question's two charts their data tables (issue 18 §3).
    const charts = (question: string) => [
      `${question}: rozkład ocen`,
      `${question}: odsetek zadowolonych w kolejnych miesiącach`,
    ];
    expect(await page.locator('caption').allTextContents()).toEqual([
      'Wszystkie odpowiedzi',
      ...charts('Czas oczekiwania na obsługę'),
      ...charts('Przydatność uzyskanych informacji'),
      ...charts('Zaangażowanie pracownika'),
      ...charts('Czy informacje na stronie urzędu były pomocne?'),
      'Miesiąc po miesiącu',
      'Według rodzaju sprawy',
      'Według sposobu kontaktu',
    ]);
  }, 600_000);

  it('expert: lands on the chapter’s editions with what to do next; every page fits', async () => {
    const page = await phone();
    await logInOnPhone(page, platform.baseUrl, account('expert'));
    expect(new URL(page.url()).pathname).toBe('/expert');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Moje edycje');
    await expect.poll(() => page.locator('main table').textContent()).toMatch(/Ocena|Wyniki|Trwa nabór/);
    const editions = await linksOn(page, /^\/expert\/editions\/[^/]+$/, 4);
    expect(editions.length).toBeGreaterThan(0);
    const reviews: string[] = [];
    for (const path of ['/expert', ...editions]) {
      await checkPage(page, platform.baseUrl, path);
      reviews.push(...(await linksOn(page, /^\/expert\/editions\/[^/]+\/reviews\/[^/]+$/, 1)));
    }
    for (const path of [...reviews, '/account', '/']) await checkPage(page, platform.baseUrl, path);
  }, 600_000);

  it('organizer: lands on the editions and their state; every tab of each edition and every list fits', async () => {
    const page = await phone();
    await logInOnPhone(page, platform.baseUrl, account('organizer'));
    expect(new URL(page.url()).pathname).toBe('/organizer/editions');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Edycje konkursu');
    await expect.poll(() => page.locator('main table').textContent()).toContain('Nabór otwarty');
    const editions = await linksOn(page, /^\/organizer\/editions\/[^/]+$/, 3);
    expect(editions.length).toBeGreaterThan(0);
    await checkPage(page, platform.baseUrl, '/organizer/editions');
    const applications: string[] = [];
    for (const edition of editions) {
      await checkPage(page, platform.baseUrl, edition);
      const tabs = await page.evaluate(() =>
        [...document.querySelectorAll('nav.tabs a')].map((a) => a.getAttribute('href') ?? ''),
      );
      expect(tabs.length).toBeGreaterThan(5);
      for (const tab of tabs) {
        await checkPage(page, platform.baseUrl, tab);
        if (tab.endsWith('tab=applications'))
          applications.push(...(await linksOn(page, /^\/organizer\/applications\/[^/]+$/, 1)));
      }
    }
    for (const path of [
      ...applications,
      '/organizer/users',
      '/organizer/users?role=expert',
      '/organizer/users?role=organizer',
      '/organizer/audit',
      '/account',
      '/',
    ])
      await checkPage(page, platform.baseUrl, path);
    // The invitation form sits with the experts, after their list — not under the institutions.
    await page.goto(`${platform.baseUrl}/organizer/users?role=institution`);
    await page.locator('#list-title').waitFor();
    expect(await page.locator('#expert-title').count()).toBe(0);
    await page.goto(`${platform.baseUrl}/organizer/users?role=expert`);
    await page.locator('#expert-title').waitFor();
  }, 600_000);

  it('at 1280 px the header of the longest menu (the organizer’s) is one line, with no menu button', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await logInOnPhone(page, platform.baseUrl, account('organizer'));
    await page.getByRole('button', { name: 'Wyloguj się' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    const rows = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.site-header a, .site-header button')].filter(
        (el) => el.getBoundingClientRect().width > 0 && !el.classList.contains('skip-link'),
      );
      return items.map((el) => {
        const r = el.getBoundingClientRect();
        return Math.round((r.top + r.bottom) / 2);
      });
    });
    expect(rows.length).toBeGreaterThan(6);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });
});
