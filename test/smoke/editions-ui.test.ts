import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

const h1 = (page: Page) => page.locator('h1').textContent();

describeWithBrowser('the organizer runs editions in the browser (npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let organizer: BrowserContext;
  let demoEditionUrl = '';
  let newEditionUrl = '';
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const newName = `Edycja testowa ${suffix}`;
  const credentials = { email: '', password: '' };

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    organizer = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('logs in as the demo organizer and sees the open demo edition with two submitted applications', async () => {
    const demo = demoAccount(platform.output(), 'organizer');
    expect(demo, platform.output()).not.toBeNull();
    const { email, password } = demo!;
    expect(email).toBe('organizator@demo.przyjazny-urzad.pl');
    Object.assign(credentials, { email, password });
    const page = await organizer.newPage();
    await logIn(page, platform.baseUrl, { email, password });
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Edycje konkursu'); // the organizer's home

    await page.getByRole('link', { name: 'Edycje', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Edycje konkursu');
    const row = page.locator('tbody tr', { hasText: /\bX edycja/ });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Nabór otwarty');
    expect(await axeViolations(page), '/organizer/editions').toEqual([]);

    await row.getByRole('link', { name: /Przyjazny Urząd/ }).click();
    await expect.poll(() => h1(page)).toMatch(/^Przyjazny Urząd — X edycja/);
    demoEditionUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('li[data-status="submitted"] .ed-count').textContent()).toBe('2');
    expect(await page.locator('li[data-status="draft"] .ed-count').textContent()).toBe('2');
    expect(await axeViolations(page), `${demoEditionUrl} overview`).toEqual([]);
    await page.close();
  });

  it('creates an edition, builds a rubric (the maximum follows the criteria) and a questionnaire with a preview', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}/organizer/editions`);
    await page.locator('#new-edition-name').fill(newName);
    await page.locator('#new-edition-number').fill('XI edycja');
    // The fee table of seed 003 (issue 14 §7): 3,500 zł net up to 20 people … 6,900 zł above 200.
    expect(await page.locator('#new-edition-fees-byHeadcount-0-20').inputValue()).toBe('3500');
    expect(await page.locator('#new-edition-fees-byHeadcount-201-').inputValue()).toBe('6900');
    await page.getByRole('button', { name: 'Utwórz edycję' }).click();
    await expect.poll(() => h1(page), { timeout: 10_000 }).toContain(newName);
    newEditionUrl = new URL(page.url()).pathname;
    expect(await page.locator('.ed-subtitle').textContent()).toContain('Szkic');

    await page.getByRole('link', { name: 'Kryteria oceny' }).click();
    await expect.poll(() => page.locator('#ed-tab-title').textContent()).toBe('Kryteria oceny');
    expect(await page.locator('.ed-total strong').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Dodaj obszar oceny' }).click();
    // The new area's first field takes focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ed-rubric-areas-0-name-pl');
    await page.keyboard.type('Standardy obsługi klienta');
    await page.getByRole('button', { name: /^Dodaj kryterium/ }).click();
    await page.locator('#ed-rubric-areas-0-criteria-0-name-pl').fill('Spisane standardy obsługi');
    await expect.poll(() => page.locator('.ed-total strong').textContent()).toBe('10');
    await page.getByRole('button', { name: /^Dodaj kryterium/ }).click();
    await page.locator('#ed-rubric-areas-0-criteria-1-name-pl').fill('Dostępność dla osób z niepełnosprawnościami');
    await page.locator('#ed-rubric-areas-0-criteria-1-maxPoints').fill('20');
    await page.locator('#ed-rubric-areas-0-criteria-1-weight').fill('1,5');
    await expect.poll(() => page.locator('.ed-total strong').textContent()).toBe('40');
    expect(await axeViolations(page), 'rubric builder').toEqual([]);
    await page.getByRole('button', { name: 'Zapisz kryteria oceny' }).click();
    await expect.poll(() => page.locator('.ed-savebar [role="status"]').textContent()).toBe('Zapisano kryteria oceny.');

    await page.getByRole('link', { name: 'Kwestionariusz' }).click();
    await page.getByRole('button', { name: 'Dodaj część' }).click();
    await page.locator('#ed-questionnaire-sections-0-title-pl').fill('Dane podstawowe');
    await page.getByRole('button', { name: /^Dodaj pytanie/ }).click();
    await page.locator('#ed-questionnaire-sections-0-questions-0-label-pl').fill('Kto odpowiada za jakość obsługi?');
    expect(await page.locator('#ed-questionnaire-sections-0-questions-0-type').inputValue()).toBe('shortText');
    expect(await axeViolations(page), 'questionnaire builder').toEqual([]);
    await page.getByRole('button', { name: 'Zapisz kwestionariusz' }).click();
    await expect.poll(() => page.locator('.ed-savebar [role="status"]').textContent()).toBe('Zapisano kwestionariusz.');

    await page.getByRole('button', { name: 'Podgląd formularza' }).click();
    await expect
      .poll(() => page.locator('.ed-preview-box').textContent())
      .toContain('Kto odpowiada za jakość obsługi?');
    expect(await page.getByLabel(/Kto odpowiada za jakość obsługi\?/).isDisabled()).toBe(true);
    expect(await axeViolations(page), 'questionnaire preview').toEqual([]);
    await page.close();
  });

  it('opens applications; a questionnaire saved afterwards (from a tab loaded earlier) is refused with the reason', async () => {
    const stale = await organizer.newPage();
    await stale.goto(`${platform.baseUrl}${newEditionUrl}?tab=questionnaire`);
    await stale.locator('#ed-questionnaire-sections-0-questions-0-label-pl').waitFor();

    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}${newEditionUrl}`);
    await page.getByRole('button', { name: 'Otwórz nabór' }).click();
    await page.getByRole('button', { name: 'Tak, zmień etap' }).click();
    await expect
      .poll(() => page.locator('.ed-next [role="status"]').textContent())
      .toBe('Edycja jest teraz w stanie „Nabór otwarty”.');
    expect(await page.locator('.ed-subtitle').textContent()).toContain('Nabór otwarty');
    // This tab now shows the questionnaire as read-only.
    await page.getByRole('link', { name: 'Kwestionariusz' }).click();
    await expect.poll(() => page.locator('.ed-tab .notice').first().textContent()).toContain('tylko w szkicu');
    expect(await page.getByRole('button', { name: 'Zapisz kwestionariusz' }).count()).toBe(0);
    expect(await axeViolations(page), 'questionnaire locked').toEqual([]);
    await page.close();

    await stale.getByRole('button', { name: /^Dodaj pytanie/ }).click();
    await stale
      .locator('#ed-questionnaire-sections-0-questions-1-label-pl')
      .fill('Ile osób pracuje w obsłudze klienta?');
    await stale.getByRole('button', { name: 'Zapisz kwestionariusz' }).click();
    const summary = stale.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Kwestionariusz można zmieniać tylko w szkicu edycji');
    expect(await stale.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    // The unsaved question is still there until the user chooses to reload.
    expect(await stale.locator('#ed-questionnaire-sections-0-questions-1-label-pl').inputValue()).toBe(
      'Ile osób pracuje w obsłudze klienta?',
    );
    expect(await axeViolations(stale), 'questionnaire save refused').toEqual([]);
    await stale.getByRole('button', { name: 'Wczytaj aktualną wersję' }).click();
    await expect.poll(() => stale.locator('.notice').first().textContent()).toContain('tylko w szkicu');
    await stale.close();
  });

  it('clones the demo edition into a new draft', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}/organizer/editions`);
    const row = page.locator('tbody tr', { hasText: /\bX edycja/ });
    await row.first().waitFor();
    await row.getByRole('button', { name: /^Klonuj/ }).click();
    await row.getByRole('button', { name: 'Tak, klonuj' }).click();
    const year = new Date().getUTCFullYear() + 1;
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe(`Przyjazny Urząd — X edycja (${year})`);
    expect(await page.locator('.ed-subtitle').textContent()).toContain('Szkic');
    expect(await page.locator('.notice.success').textContent()).toContain('kopię edycji');
    expect(await page.locator('#settings-year').inputValue()).toBe(String(year));
    expect(await axeViolations(page), 'cloned edition settings').toEqual([]);
    const cloneUrl = new URL(page.url()).pathname;

    // A timeline out of order is named at its field; the summary takes focus.
    const open = await page.locator('#settings-timeline-applicationsOpen').inputValue();
    const close = page.locator('#settings-timeline-applicationsClose');
    await close.fill(open.replace(/T.*/, 'T00:00'));
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect.poll(() => close.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator('.error-summary').textContent()).toContain('Zamknięcie naboru');
    expect(await axeViolations(page), 'settings with errors').toEqual([]);

    // Another tab saves first: this tab's save is refused, its edits stay, and it offers a reload.
    const other = await organizer.newPage();
    await other.goto(`${platform.baseUrl}${cloneUrl}?tab=settings`);
    await other.locator('#settings-number').fill('XII edycja');
    await other.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect
      .poll(() => other.locator('form#settings [role="status"]').textContent())
      .toBe('Zapisano ustawienia edycji.');
    await other.close();
    await close.fill(await page.locator('#settings-timeline-reviewStart').inputValue());
    await page.locator('#settings-name').fill('Przyjazny Urząd 2');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Ktoś zapisał zmiany w międzyczasie');
    expect(await page.locator('#settings-name').inputValue()).toBe('Przyjazny Urząd 2');
    await page.getByRole('button', { name: 'Wczytaj aktualną wersję' }).click();
    await expect.poll(() => page.locator('#settings-number').inputValue()).toBe('XII edycja');
    expect(await page.locator('#settings-name').inputValue()).toBe('Przyjazny Urząd');
    expect(await page.locator('.error-summary').count()).toBe(0);

    await page.goto(`${platform.baseUrl}/organizer/editions`);
    // The demo's VIII (2024, published), IX (2025, in scoring) and X editions, and this clone.
    await expect.poll(() => page.locator('tbody tr', { hasText: 'Przyjazny Urząd' }).count()).toBe(4);
    await page.close();
  });

  it('filters the demo edition’s applications, opens one and sees its attachment', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}${demoEditionUrl}?tab=applications`);
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(4);
    await page.selectOption('#apps-status', 'submitted');
    await page.locator('#apps-q').fill('Ełk');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    expect(await axeViolations(page), 'applications list').toEqual([]);

    await page.getByRole('link', { name: 'Powiatowy Urząd Pracy w Ełku' }).click();
    await expect.poll(() => h1(page)).toBe('Zgłoszenie: Powiatowy Urząd Pracy w Ełku');
    const attachment = page.locator('a[href*="/attachments/"]').first();
    await attachment.waitFor();
    expect(await attachment.getAttribute('download')).toMatch(/\.pdf$/);
    const download = await page.request.get(`${platform.baseUrl}${await attachment.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(await page.getByRole('button', { name: 'Przyjmij formalnie' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Zwróć do poprawy' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('return-message');
    // Two weeks at 23:59, or the edition's own deadline when that is later: never a date in the past.
    const offered = await page.getByLabel('Termin poprawek').inputValue();
    expect(offered).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(Date.parse(`${offered}:00Z`)).toBeGreaterThan(Date.now());
    expect(await axeViolations(page), 'application detail with the return form').toEqual([]);
    await page.close();
  });

  it('grants one institution a deadline extension', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}${demoEditionUrl}?tab=extensions`);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Nie przyznano jeszcze żadnego przedłużenia.');
    await page.selectOption('#extension-institutionId', { label: 'Starostwo Powiatowe w Gnieźnie' });
    await page.locator('#extension-reason').fill('Awaria systemu EZD w starostwie.');
    // A date before the edition's deadline is refused at its field.
    const until = page.locator('#extension-until');
    const proposed = await until.inputValue();
    await until.fill(`${new Date().getFullYear()}-01-01T12:00`);
    await page.getByRole('button', { name: 'Przyznaj przedłużenie' }).click();
    await expect.poll(() => until.getAttribute('aria-invalid')).toBe('true');
    await until.fill(proposed);
    await page.getByRole('button', { name: 'Przyznaj przedłużenie' }).click();
    await expect
      .poll(() => page.locator('form#extension [role="status"]').textContent())
      .toBe('Przyznano przedłużenie terminu dla: Starostwo Powiatowe w Gnieźnie.');
    await expect.poll(() => page.locator('table tbody tr').first().textContent()).toContain('Awaria systemu EZD');
    expect(await axeViolations(page), 'extensions').toEqual([]);
    await page.close();
  });

  it('queues a CSV export and offers the file once it is ready', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}${demoEditionUrl}?tab=exports`);
    await page.getByRole('button', { name: 'Eksport CSV' }).click();
    const ready = page.locator('tr[data-status="ready"]');
    await expect.poll(() => ready.count(), { timeout: 20_000 }).toBe(1);
    const link = ready.getByRole('link', { name: /^Pobierz / });
    expect(await link.getAttribute('href')).toMatch(/\/exports\/[^/]+\/file$/);
    const file = await page.request.get(`${platform.baseUrl}${await link.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('Ełku');
    expect(await axeViolations(page), 'exports').toEqual([]);
    await page.close();
  });

  it('in English: returns the Ełk application for correction with notes and a deadline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => h1(page)).toBe('Log in');
    await page.locator('#login-email').fill(credentials.email);
    await page.locator('#login-password').fill(credentials.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Contest editions'); // the organizer's home
    await page.goto(`${platform.baseUrl}${demoEditionUrl}?tab=applications`);
    await page.locator('#apps-q').fill('elku');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Powiatowy Urząd Pracy w Ełku' }).click();
    await expect.poll(() => h1(page)).toBe('Application: Powiatowy Urząd Pracy w Ełku');
    expect(await page.getByRole('button', { name: 'Accept formally' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Reject', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Return for correction' }).click();
    await page.getByLabel('Notes for the institution').fill('Please attach the signed standards document.');
    expect(await page.getByLabel('Correction deadline').getAttribute('type')).toBe('datetime-local');
    await page.getByRole('button', { name: 'Send for correction' }).click();
    await expect
      .poll(() => page.locator('main [role="status"]').first().textContent())
      .toContain('returned for correction');
    expect(await page.locator('.ed-formal').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Please attach the signed standards document.');
    expect(await axeViolations(page), 'application returned (English)').toEqual([]);
    await context.close();
  });
});
