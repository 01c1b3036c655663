import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tinyPdf } from '../../infra/local/demo-edition';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

const unsavedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ap-draft:')).length);
const saveStatus = (page: Page, section: string) => page.locator(`.ap-save-status[data-section="${section}"]`);

/** Waits until the section's autosave went through and nothing is left unsaved in this browser. */
async function waitSaved(page: Page, section: string): Promise<void> {
  await expect
    .poll(() => saveStatus(page, section).textContent(), { timeout: 15_000 })
    .toMatch(/^Zapisano o \d\d:\d\d$/);
  await expect.poll(() => unsavedDrafts(page), { timeout: 15_000 }).toBe(0);
}

const DESCRIPTION =
  'Stosujemy spisane standardy: identyfikatory, czas oczekiwania do 15 minut,\nskrzynka skarg i wniosków, tłumacz PJM na wezwanie.';

describeWithBrowser('an institution applies to the demo edition in the browser (npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let institution: BrowserContext;
  let credentials: Record<'institution' | 'organizer', { email: string; password: string }>;
  let applicationId = '';
  let files = '';

  const login = async (context: BrowserContext, who: 'institution' | 'organizer'): Promise<Page> => {
    const page = await context.newPage();
    await logIn(page, platform.baseUrl, credentials[who]);
    return page;
  };
  const openForm = async (page: Page) => {
    await page.goto(`${platform.baseUrl}/applications/${applicationId}`);
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
      .toMatch(/^Zgłoszenie — Przyjazny Urząd/);
  };

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    const account = (role: 'institution' | 'organizer') => {
      const found = demoAccount(platform.output(), role);
      if (!found) throw new Error(`npm start printed no demo ${role}:\n${platform.output()}`);
      return found;
    };
    credentials = { institution: account('institution'), organizer: account('organizer') };
    browser = await launchChromium();
    institution = await browser.newContext();
    files = mkdtempSync(join(tmpdir(), 'application-ui-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('lists the open demo edition with its deadline and applies to it', async () => {
    const page = await login(institution, 'institution');
    await page.getByRole('link', { name: 'Zgłoszenia', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Zgłoszenia konkursowe');
    const card = page.locator('.ap-cards li', { hasText: 'Przyjazny Urząd' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Termin składania zgłoszeń: .*\(czasu polskiego\)/);
    expect(await page.locator('main').textContent()).toContain('Instytucja nie ma jeszcze żadnego zgłoszenia');
    expect(await axeViolations(page), '/applications (empty)').toEqual([]);

    await card.getByRole('button', { name: /Zgłoś udział/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/applications\/[^/]+$/);
    applicationId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Zgłoszenie — Przyjazny Urząd/);
    expect(await page.locator('.ap-facts').textContent()).toContain('wersja robocza');

    // Back on the list: the application is there, and the edition offers it instead of "Apply".
    await page.goto(`${platform.baseUrl}/applications`);
    const row = page.locator(`tr[data-application="${applicationId}"]`);
    await expect.poll(() => row.textContent()).toContain('wersja robocza');
    expect(
      await page
        .locator('.ap-cards li')
        .first()
        .getByRole('link', { name: /Przejdź do zgłoszenia/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page), '/applications').toEqual([]);
    await page.close();
  });

  it('autosaves a section; the answers survive a reload and a new session', async () => {
    const page = await institution.newPage();
    await openForm(page);
    const standards = page.locator('.ap-nav .ap-progress[data-section="standards"]');
    expect(await standards.textContent()).toContain('0/3 wymaganych');

    await page
      .getByRole('group', { name: /Czy urząd ma spisane standardy/ })
      .getByLabel('Tak')
      .check();
    const description = page.locator('#in-standards_description');
    await description.fill(DESCRIPTION);
    expect(await page.locator('#in-standards_description-count').textContent()).toBe(
      `${[...DESCRIPTION].length} / 3000`,
    );
    expect(await description.getAttribute('aria-describedby')).toContain('in-standards_description-count');
    await page.getByLabel('W urzędzie').check();
    await page.getByLabel('ePUAP').check();
    await waitSaved(page, 'standards');
    expect(await standards.textContent()).toContain('3/3 wymaganych');
    expect(await axeViolations(page), '/applications/:id (draft)').toEqual([]);

    const check = async (p: Page) => {
      await expect
        .poll(() => p.locator('#in-standards_description').inputValue(), { timeout: 10_000 })
        .toBe(DESCRIPTION);
      expect(await p.locator('#in-standards_written').isChecked()).toBe(true);
      expect(await p.getByLabel('W urzędzie').isChecked()).toBe(true);
      expect(await p.getByLabel('ePUAP').isChecked()).toBe(true);
      expect(await p.getByLabel('Telefonicznie').isChecked()).toBe(false);
    };
    await page.reload();
    await check(page);
    await page.close();

    // A fresh browser (no localStorage, new session): the answers come from the server.
    const fresh = await browser.newContext();
    const other = await login(fresh, 'institution');
    await openForm(other);
    await check(other);
    await fresh.close();
  });

  it('keeps unsaved text in the browser: a reload before the autosave loses nothing', async () => {
    const page = await institution.newPage();
    await openForm(page);
    // Block the save so the edit exists only in this browser, then reload.
    await page.route('**/sections/staff', (route) => route.abort());
    await page.locator('#in-communication').fill('Biuletyn, strona internetowa, konsultacje społeczne.');
    await expect.poll(() => unsavedDrafts(page)).toBe(1);
    await page.unroute('**/sections/staff');
    await page.reload();
    await expect
      .poll(() => page.locator('#in-communication').inputValue())
      .toBe('Biuletyn, strona internetowa, konsultacje społeczne.');
    await waitSaved(page, 'staff');
    await page.close();
  });

  it('fills the other sections with live checks; a fake PDF is refused at its question, a real one is listed', async () => {
    const page = await institution.newPage();
    await openForm(page);
    await page.getByLabel('CAF').check();
    await page.locator('#in-quality_survey_year').fill('2025-10-15');
    const satisfied = page.locator('#in-quality_satisfied');
    await satisfied.fill('150');
    // The shared check runs as one types: the message sits at the question and the field is marked.
    await expect
      .poll(() => page.locator('#q-quality_satisfied .error-message').textContent())
      .toContain('Największa dozwolona wartość to 100.');
    expect(await satisfied.getAttribute('aria-invalid')).toBe('true');
    expect(await satisfied.getAttribute('aria-describedby')).toContain('in-quality_satisfied-error');
    await satisfied.fill('87');
    expect(await page.locator('#q-quality_satisfied .error-message').count()).toBe(0);
    await waitSaved(page, 'quality');

    await page.locator('#in-staff_trainings').fill('6');
    await page.locator('#in-staff_contact').fill('Kierownik Biura Obsługi Klienta');
    await waitSaved(page, 'staff');

    // Submitting without the required PDF: the summary takes focus and links to the question.
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    const summary = page.locator('.error-summary');
    await expect
      .poll(() => summary.textContent())
      .toContain('Dokument ze standardami obsługi (PDF): Odpowiedź na to pytanie jest wymagana.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator('#q-documents_standards .error-message').textContent()).toContain(
      'Odpowiedź na to pytanie jest wymagana.',
    );
    expect(await axeViolations(page), '/applications/:id with a failed submit').toEqual([]);
    await summary.getByRole('link', { name: /Dokument ze standardami/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('in-documents_standards');

    // A renamed executable is refused by its content; the message is at the question, nothing listed.
    const fake = join(files, 'x.pdf');
    writeFileSync(fake, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 0x90)]));
    await page.locator('#in-documents_standards').setInputFiles(fake);
    await expect
      .poll(() => page.locator('#q-documents_standards .error-message').textContent(), { timeout: 15_000 })
      .toContain('Zawartość pliku „x.pdf” nie jest żadnym z dozwolonych rodzajów');
    expect(await page.locator('#q-documents_standards .ap-files li').count()).toBe(0);
    expect(await page.locator('#in-documents_standards').getAttribute('aria-invalid')).toBe('true');

    // A wrong type is stopped before any upload.
    const png = join(files, 'zdjecie.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await page.locator('#in-documents_standards').setInputFiles(png);
    await expect
      .poll(() => page.locator('#q-documents_standards .error-message').textContent())
      .toContain('ma niedozwolony rodzaj');

    const real = join(files, 'standardy-obslugi.pdf');
    writeFileSync(real, tinyPdf('Standardy obslugi - Urzad Miasta Demo'));
    await page.locator('#in-documents_standards').setInputFiles(real);
    const listed = page.locator('#q-documents_standards .ap-files li[data-file="standardy-obslugi.pdf"]');
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.textContent()).toMatch(/^standardy-obslugi\.pdf \(\d+(,\d)? (B|KB)\) Usuń$/);
    expect(await page.locator('#q-documents_standards .error-message').count()).toBe(0);
    expect(await page.locator('.ap-nav .ap-progress[data-section="documents"]').textContent()).toContain(
      '1/1 wymaganych',
    );
    const download = await page.request.get(`${platform.baseUrl}${await listed.locator('a').getAttribute('href')}`);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await axeViolations(page), '/applications/:id complete').toEqual([]);
    await page.close();
  });

  it('submits (a double click sends one request): read-only with the time, and a confirmation e-mail', async () => {
    const page = await institution.newPage();
    await openForm(page);
    const submits: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/submit') && submits.push(r.url()));
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).dblclick();
    const done = page.locator('.ap-submitted');
    await expect.poll(() => done.locator('h2').textContent(), { timeout: 15_000 }).toBe('Zgłoszenie złożone');
    expect(await done.textContent()).toMatch(/Zgłoszenie złożono .*\(czasu polskiego\)/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ap-submitted'))).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(submits).toHaveLength(1);
    expect(await page.locator('.ap-facts').textContent()).toContain('złożone');
    // Read-only: the answers as text, no inputs.
    expect(await page.locator('textarea, input').count()).toBe(0);
    expect(await page.locator('#q-standards_description dd').textContent()).toBe(DESCRIPTION);
    expect(await page.locator('#q-standards_channels dd').textContent()).toBe('W urzędzieePUAP');
    expect(await page.locator('#q-documents_standards dd').textContent()).toContain('standardy-obslugi.pdf');
    expect(await page.getByRole('button', { name: 'Wycofaj zgłoszenie' }).count()).toBe(1);
    expect(await axeViolations(page), '/applications/:id submitted').toEqual([]);

    await page.goto(`${platform.baseUrl}/outbox`);
    const mail = page.locator(`article[data-to="${credentials.institution.email}"]`, {
      hasText: 'Potwierdzenie złożenia zgłoszenia',
    });
    await mail.first().waitFor({ timeout: 15_000 });
    expect(await mail.count()).toBe(1);
    expect(await mail.locator(`a[href$="/applications/${applicationId}"]`).count()).toBe(1);
    await page.close();
  });

  it('the organizer returns the application for correction', async () => {
    const context = await browser.newContext();
    const page = await login(context, 'organizer');
    const message = 'Proszę uzupełnić opis standardów o sposób obsługi osób z niepełnosprawnościami.';
    const deadline = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    await page.goto(`${platform.baseUrl}/organizer/editions`);
    await page
      .locator('main')
      .getByRole('link', { name: /^Przyjazny Urząd/ })
      .first()
      .click();
    await page.locator('main').getByRole('link', { name: 'Zgłoszenia', exact: true }).click();
    await page.getByRole('link', { name: 'Urząd Miasta Demo' }).click();
    await page.getByRole('button', { name: 'Zwróć do poprawy' }).click();
    await page.getByLabel('Uwagi dla instytucji').fill(message);
    // The field is in Polish time; a few days ahead is in the future in any time zone.
    const local = new Date(deadline.getTime() - deadline.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Termin poprawek').fill(local);
    await page.getByRole('button', { name: 'Wyślij do poprawy' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('zwrócone do poprawy');
    await context.close();
  });

  it('the institution sees the returned application, corrects an answer and submits again', async () => {
    const page = await institution.newPage();
    await page.goto(`${platform.baseUrl}/applications`);
    const row = page.locator(`tr[data-application="${applicationId}"]`);
    await expect.poll(() => row.textContent()).toContain('zwrócone do poprawy');
    expect(await row.textContent()).toContain('Proszę uzupełnić opis standardów');
    await row.getByRole('link').click();
    const returned = page.locator('.ap-returned');
    await expect
      .poll(() => returned.textContent())
      .toContain('Proszę uzupełnić opis standardów o sposób obsługi osób z niepełnosprawnościami.');
    expect(await returned.textContent()).toMatch(/Termin poprawek: .*\(czasu polskiego\)/);
    expect(await axeViolations(page), '/applications/:id returned').toEqual([]);

    const description = page.locator('#in-standards_description');
    await expect.poll(() => description.inputValue()).toBe(DESCRIPTION);
    await description.fill(
      `${DESCRIPTION}\nObsługa osób z niepełnosprawnościami: pętla indukcyjna, wejście bez progów.`,
    );
    await waitSaved(page, 'standards');
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    await expect
      .poll(() => page.locator('.ap-submitted h2').textContent(), { timeout: 15_000 })
      .toBe('Zgłoszenie złożone');
    expect(await page.locator('#q-standards_description dd').textContent()).toContain('pętla indukcyjna');
    await page.goto(`${platform.baseUrl}/applications`);
    await expect.poll(() => page.locator(`tr[data-application="${applicationId}"]`).textContent()).toContain('złożone');
    await page.close();
  });

  it('withdraws; two tabs editing one section: the later save shows the conflict and keeps its text', async () => {
    const first = await institution.newPage();
    await openForm(first);
    await first.getByRole('button', { name: 'Wycofaj zgłoszenie' }).click();
    await first.getByRole('button', { name: 'Tak, wycofaj' }).click();
    await expect.poll(() => first.locator('.ap-facts').textContent(), { timeout: 15_000 }).toContain('wycofane');
    const contact = (p: Page) => p.locator('#in-staff_contact');
    await expect.poll(() => contact(first).inputValue()).toBe('Kierownik Biura Obsługi Klienta');

    const second = await institution.newPage();
    await openForm(second);
    await expect.poll(() => contact(second).inputValue()).toBe('Kierownik Biura Obsługi Klienta');

    await contact(first).fill('Sekretarz Miasta');
    await waitSaved(first, 'staff');

    await contact(second).fill('Naczelnik Wydziału Organizacyjnego');
    const conflict = second.locator('.ap-conflict[data-section="staff"]');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toContain('Ta część została zapisana w innym miejscu');
    expect(await contact(second).inputValue()).toBe('Naczelnik Wydziału Organizacyjnego');
    expect(await axeViolations(second), '/applications/:id with a conflict').toEqual([]);
    // Still kept after a reload of the later tab: it comes back from the browser, still in conflict.
    await second.reload();
    await expect.poll(() => contact(second).inputValue()).toBe('Naczelnik Wydziału Organizacyjnego');
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Użyj mojej wersji' }).click();
    await waitSaved(second, 'staff');
    expect(await conflict.count()).toBe(0);

    // The first tab is now behind: its next edit conflicts, and it takes the saved version.
    await contact(first).fill('Sekretarz Miasta (zastępca)');
    const firstConflict = first.locator('.ap-conflict[data-section="staff"]');
    await firstConflict.waitFor({ timeout: 15_000 });
    await firstConflict.getByRole('button', { name: 'Wczytaj zapisaną wersję' }).click();
    await expect.poll(() => contact(first).inputValue()).toBe('Naczelnik Wydziału Organizacyjnego');
    expect(await firstConflict.count()).toBe(0);
    await expect.poll(() => unsavedDrafts(first)).toBe(0);

    // Submitted again while the window is open.
    await first.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    await expect
      .poll(() => first.locator('.ap-submitted h2').textContent(), { timeout: 15_000 })
      .toBe('Zgłoszenie złożone');
    await first.close();
    await second.close();
  });

  it('the submitted application in English: headings, labels and answers follow the language', async () => {
    const page = await institution.newPage();
    await openForm(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Application — Przyjazny Urząd/);
    expect(await page.locator('.ap-submitted h2').textContent()).toBe('Application submitted');
    expect(await page.locator('#q-standards_written dt').textContent()).toBe(
      'Does the office have written customer-service standards?',
    );
    expect(await page.locator('#q-standards_written dd').textContent()).toBe('Yes');
    await page.getByRole('button', { name: 'Przełącz na język polski' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Zgłoszenie — Przyjazny Urząd/);
    await page.close();
  });
});
