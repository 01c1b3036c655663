import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-deps';
import { createApp } from '../../shared/http/app';
import { formatPln } from '../../shared/results/fees';
import { goodPassword, seedUser } from '../support/accounts';
import { axeViolations, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { testDeps } from '../support/factories';
import { stopPlatform, type RunningPlatform } from '../support/local-process';
import { type ResultsWorld, resultsWorld } from '../support/results';

const h1 = (page: Page) => page.locator('h1').textContent();
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const REASON = 'Wzorowa obsługa osób z niepełnosprawnościami, potwierdzona w wizycie.';

describeWithBrowser('results in the browser: deliberation, publication, the public page, the own result', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let organizer: BrowserContext;
  let world: ResultsWorld;
  let dynamo: DynamoDBClient;
  let deps: ReturnType<typeof testDeps>;
  /** Scores 9, 6 and 3: the first is a laureate by the threshold, the second gets a distinction, the third nothing. */
  const app = (i: number) => world.applications[i]!;

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    organizer = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    // The results world of the api tests, written into the running platform's table.
    dynamo = new DynamoDBClient({
      endpoint: platform.dynamoEndpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    deps = testDeps({ dynamo, tableName: LOCAL_TABLE_NAME, maxBodyBytes: 64 * 1024 });
    world = await resultsWorld({ deps, app: createApp(deps) }, { scores: [9, 6, 3] });
  });
  afterAll(async () => {
    dynamo?.destroy();
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('the organizer overrides one decision with a reason, locks and publishes in the Results tab', async () => {
    const page = await organizer.newPage();
    await logIn(page, platform.baseUrl, { email: world.organizer.email, password: goodPassword });
    // The overview points to the Results tab for the last step.
    await page.goto(`${platform.baseUrl}/organizer/editions/${world.edition.editionId}`);
    await page.getByRole('link', { name: 'Przejdź do zakładki Wyniki' }).click();
    await expect.poll(() => page.locator('#ed-tab-title').textContent(), { timeout: 10_000 }).toBe('Wyniki');
    const table = page.locator('table.rs-table');
    await table.waitFor({ timeout: 10_000 });
    expect(await table.locator('tbody tr').count()).toBe(3);
    const first = table.locator(`tr[data-application-id="${app(0).applicationId}"]`);
    expect(await first.locator('.rs-place').textContent()).toBe('1');
    expect(await first.locator('.rs-computed').textContent()).toBe('laureat');
    expect(await page.locator('.rs-counts [data-key="laureates"] dd').textContent()).toBe('1');
    expect(await page.locator('svg[role="img"]').getAttribute('aria-label')).toContain('Rozkład wyników');
    expect(await axeViolations(page), 'Results tab in deliberation').toEqual([]);

    // Publishing before the lock is refused with the server's words.
    await page.getByRole('button', { name: 'Opublikuj wyniki' }).click();
    await page.getByRole('button', { name: 'Tak, opublikuj' }).click();
    const refusal = page.locator('.rs-lock .error-summary');
    await expect
      .poll(() => refusal.textContent(), { timeout: 10_000 })
      .toContain('decyzje Kapituły nie są zatwierdzone');

    // A distinction for the second needs a reason: without one the server's field message shows at the field.
    const id = app(1).applicationId;
    const second = table.locator(`tr[data-application-id="${id}"]`);
    await page.getByLabel(`Decyzja: ${app(1).institution.name}`).selectOption('distinction');
    const reason = page.getByLabel(`Uzasadnienie decyzji: ${app(1).institution.name}`);
    await reason.waitFor();
    await second.getByRole('button', { name: /^Zapisz decyzję/ }).click();
    await expect
      .poll(() => second.locator('.error-message').textContent(), { timeout: 10_000 })
      .toContain('Podaj uzasadnienie');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'decision refused without a reason').toEqual([]);
    await reason.fill(REASON);
    await second.getByRole('button', { name: /^Zapisz decyzję/ }).click();
    await expect
      .poll(() => page.locator('.rs-status').textContent(), { timeout: 10_000 })
      .toBe(`Zapisano decyzję: ${app(1).institution.name} — wyróżnienie.`);
    await expect.poll(() => page.locator('.rs-counts [data-key="overridden"] dd').textContent()).toBe('1');
    expect(await second.getAttribute('data-outcome')).toBe('distinction');

    await page.getByRole('button', { name: 'Zatwierdź decyzje' }).click();
    await expect
      .poll(() => page.locator('.rs-status').textContent(), { timeout: 10_000 })
      .toBe('Decyzje zostały zatwierdzone.');
    // Locked: the decisions are read-only now, with their reasons.
    await expect.poll(() => second.locator('select').count()).toBe(0);
    expect(await second.textContent()).toContain(REASON);

    await page.getByRole('button', { name: 'Opublikuj wyniki' }).click();
    await page.getByRole('button', { name: 'Tak, opublikuj' }).click();
    await expect
      .poll(() => page.locator('.rs-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Opublikowano wyniki \(wersja 1, skrót [0-9a-f]{12}\)\.$/);
    const versions = page.locator('table.rs-versions tbody tr');
    await versions.first().waitFor({ timeout: 10_000 });
    expect(await versions.count()).toBe(1);
    expect(await page.locator('#rs-correction-reason').count()).toBe(1);
    expect(await axeViolations(page), 'Results tab after publication').toEqual([]);
    await page.close();
  });

  it('an anonymous visitor reads the laureates, never a non-laureate, and the page fits a 375 px phone', async () => {
    const anonymous = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const page = await anonymous.newPage();
    await page.goto(`${platform.baseUrl}/laureaci`);
    const row = page.locator(`table.rs-editions tr[data-edition-id="${world.edition.editionId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toMatch(/[0-9a-f]{12}/);
    expect(await page.getByRole('navigation', { name: 'Nawigacja główna' }).textContent()).toContain('Laureaci');
    expect(await axeViolations(page), 'public list of editions').toEqual([]);

    await row.getByRole('link').click();
    await expect.poll(() => h1(page), { timeout: 10_000 }).toMatch(/^Laureaci: /);
    const laureates = page.locator('table.rs-laureates');
    await laureates.waitFor({ timeout: 10_000 });
    expect(await laureates.textContent()).toContain(app(0).institution.name);
    expect(await page.locator('.rs-distinctions').textContent()).toContain(app(1).institution.name);
    expect(await page.locator('.rs-distinctions').textContent()).toContain(REASON);
    const sha = (await page.locator('.rs-hash').getAttribute('data-sha256')) ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('.rs-command').textContent()).toBe(
      `npm run verify-results -- ${platform.baseUrl}/api/public/results/${world.edition.editionId}`,
    );
    // The one not awarded is nowhere: not in the text, not in the HTML, not in the JSON behind it.
    const hidden = app(2).institution.name;
    expect(await page.locator('body').textContent()).not.toContain(hidden);
    expect(await page.content()).not.toContain(hidden);
    const json = await anonymous.request.get(`${platform.baseUrl}/api/public/results/${world.edition.editionId}`);
    expect(json.status()).toBe(200);
    const body = await json.text();
    expect(body).not.toContain(hidden);
    expect(body).toContain(sha);
    expect(await axeViolations(page), 'public laureates page').toEqual([]);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'public laureates page at 375 px').toEqual([]);
    await anonymous.close();
  });

  it("the laureate institution's clerk reads its own result with the fee; the others' names are not on it", async () => {
    const { user } = await seedUser(deps, {
      role: 'institution',
      institutionId: app(0).institutionId,
      displayName: 'Referent Wyników',
    });
    const clerk = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const page = await clerk.newPage();
    await logIn(page, platform.baseUrl, { email: user.email, password: goodPassword });
    // The worker writes each application's own result after publication: wait until it is there.
    const url = `${platform.baseUrl}/api/applications/${app(0).applicationId}/result`;
    await expect
      .poll(async () => ((await (await clerk.request.get(url)).json()) as { status: string }).status, {
        timeout: 20_000,
      })
      .toBe('ready');

    await page.goto(`${platform.baseUrl}/applications`);
    const link = page.getByRole('link', { name: /^Zobacz wynik/ });
    await link.first().waitFor({ timeout: 10_000 });
    await link.first().click();
    const outcome = page.locator('[data-outcome="laureate"]');
    await outcome.waitFor({ timeout: 10_000 });
    expect(await outcome.textContent()).toContain('jest laureatem konkursu');
    expect(await outcome.textContent()).toContain('1 z 3');
    // 41–100 staff: 4 800,00 zł net, VAT 23 %, 5 904,00 zł gross (no discount: no previous edition).
    const fee = page.locator('.rs-fee');
    expect(await fee.textContent()).toContain(formatPln(480_000, 'pl'));
    expect(await fee.locator('.rs-gross').textContent()).toBe(formatPln(590_400, 'pl'));
    expect(await page.locator('table.rs-areas tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.rs-feedback').textContent()).toContain('Opinia eksperta o zgłoszeniu 1.');
    const text = await page.locator('body').textContent();
    expect(text).not.toContain(app(1).institution.name);
    expect(text).not.toContain(app(2).institution.name);
    expect(await axeViolations(page), 'own result page').toEqual([]);
    await clerk.close();
  });

  it('a correction publishes version 2 naming the reason; version 1 stays readable, marked superseded', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}/organizer/editions/${world.edition.editionId}?tab=results`);
    const reason = page.locator('#rs-correction-reason');
    await reason.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Opublikuj korektę' }).click();
    await expect
      .poll(() => page.locator('#rs-correction .error-summary').textContent(), { timeout: 10_000 })
      .toContain('Zmień co najmniej jedną decyzję.');
    await reason.fill('Wyróżnienie przyznano omyłkowo.');
    await page.getByLabel(`Nowa decyzja: ${app(1).institution.name}`).selectOption('notAwarded');
    await page.getByRole('button', { name: 'Opublikuj korektę' }).click();
    await expect
      .poll(() => page.locator('.rs-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Opublikowano korektę: wersja 2 \([0-9a-f]{12}\)\.$/);
    await expect.poll(() => page.locator('table.rs-versions tbody tr').count()).toBe(2);
    expect(await page.locator('table.rs-versions tbody tr[data-version="2"]').textContent()).toContain(
      'Wyróżnienie przyznano omyłkowo.',
    );
    // At 375 px the wide tables scroll inside their regions; the page itself does not.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page), 'Results tab after a correction, 375 px').toEqual([]);
    await page.close();

    const anonymous = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const pub = await anonymous.newPage();
    await pub.goto(`${platform.baseUrl}/laureaci/${world.edition.editionId}`);
    const versions = pub.locator('table.rs-pub-versions tbody tr');
    await expect.poll(() => versions.count(), { timeout: 10_000 }).toBe(2);
    expect(await pub.locator('.rs-superseded').count()).toBe(0);
    expect(await pub.locator('main').textContent()).not.toContain(app(1).institution.name);
    await pub.getByRole('link', { name: 'Pokaż wersję 1' }).click();
    const notice = pub.locator('.rs-superseded');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('To jest wersja 1, zastąpiona korektą. Aktualne wyniki: wersja 2.');
    expect(await pub.locator('.rs-distinctions').textContent()).toContain(app(1).institution.name);
    expect(await pub.locator('main').textContent()).not.toContain(app(2).institution.name);
    expect(await axeViolations(pub), 'public page, superseded version').toEqual([]);
    await anonymous.close();
  });
});
