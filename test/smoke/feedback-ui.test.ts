import { expect, it } from 'vitest';
import { tinyPng } from '../../shared/feedback/tiny-png';
import { axeViolations, demoAccount, logIn } from '../support/browser';
import { describeWithBrowser } from '../support/chromium';
import { smokeSession } from '../support/smoke-session';

/**
 * Issue 18 §6 in a real browser: a resident sends the demo office a complaint on a 375 px phone with the
 * keyboard alone and keeps the tracking code; looks the code up; the office answers and marks it
 * answered in its inbox; the resident's status page shows the answer. axe on every state.
 */
describeWithBrowser('residents’ feedback with a tracking code (375 × 812, npm start -- --in-memory)', () => {
  const session = smokeSession();

  it('round trip: send with the keyboard, look the code up, the office answers, the status shows it', async () => {
    const office = await session.newContext();
    const staff = await office.newPage();
    const account = demoAccount(session.platform.output(), 'institution');
    expect(account, session.platform.output()).not.toBeNull();
    await logIn(staff, session.platform.baseUrl, account!);
    const institutionId = await staff.evaluate(
      async () => ((await (await fetch('/api/me')).json()) as { user: { institutionId: string } }).user.institutionId,
    );

    // The resident, on a phone, with the keyboard only.
    const resident = await session.newContext({ viewport: { width: 375, height: 812 } });
    const page = await resident.newPage();
    await page.goto(`${session.platform.baseUrl}/opinia/${institutionId}`);
    await page.locator('form.sv-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the form').toEqual([]);
    await page.locator('#fb-category-complaint').focus();
    await page.keyboard.press('Space'); // complaint
    await page.keyboard.press('Tab'); // out of the radio group: the text
    const text = `Kolejka w wydziale komunikacji ${Date.now()}`;
    await page.keyboard.type(text);
    await page.keyboard.press('Tab'); // the e-mail
    await page.keyboard.type('mieszkaniec@example.com');
    await page.keyboard.press('Tab'); // the optional attachment, opened from the keyboard
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-attachment');
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Space');
      await (await chooser).setFiles(file);
    };
    // A type the office cannot take: refused beside the field before anything is sent.
    await choose({ name: 'animacja.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.locator('#fb-attachment-error').waitFor();
    expect(await page.locator('#fb-attachment-error').textContent()).toBe(
      'Załącznik może być plikiem PDF, JPEG lub PNG.',
    );
    expect(await axeViolations(page), 'the form with a refused file').toEqual([]);
    const png = Buffer.from(tinyPng(12));
    // Opening the chooser from the keyboard is shown above; a second chooser from the same input did not
    // always open under a loaded CI machine (the fresh-clone run timed out waiting for it), so the second
    // file is set on the focused input directly — focus must still be there after the refusal.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-attachment');
    await page
      .locator('#fb-attachment')
      .setInputFiles({ name: 'zdjecie-kolejki.png', mimeType: 'image/png', buffer: png });
    await page.getByText(/^Wybrany plik:/).waitFor();
    expect(await page.locator('#fb-attachment-error').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the form with a file').toEqual([]);
    await page.keyboard.press('Tab'); // the honeypot is out of the tab order: next is the button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Wyślij opinię');
    await page.keyboard.press('Enter');
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const code = (await codeBox.textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.locator('.fb-receipt img').waitFor({ timeout: 15_000 }); // the QR code
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the receipt').toEqual([]);

    // The code typed as a resident might: lower case, spaces.
    await page.goto(`${session.platform.baseUrl}/opinia/sprawdz`);
    await page.locator('#fb-code').focus();
    await page.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Status: nowa' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Do opinii dołączono załącznik (widzi go tylko urząd).').count()).toBe(1);
    expect(await axeViolations(page), 'the status page').toEqual([]);

    // The office answers and marks it answered.
    await staff.goto(`${session.platform.baseUrl}/institution/feedback`);
    const item = staff.locator('article', { hasText: text });
    await item.waitFor({ timeout: 15_000 });
    // The analytics below the list: the demo's items and this one, by month and kind.
    await staff.getByRole('table', { name: 'Liczba opinii według miesiąca i rodzaju' }).waitFor({ timeout: 15_000 });
    expect(await axeViolations(staff), 'the inbox').toEqual([]);
    expect(await staff.content()).not.toContain('mieszkaniec@example.com');
    // The attachment: its type and size, downloaded as a file under a generated name.
    const link = item.getByRole('link', { name: /^Pobierz załącznik \(PNG, \d+ B\)$/ });
    const download = staff.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^opinia-[0-9A-Z]{26}\.png$/);
    const saved = await file.path();
    expect(Buffer.compare(await import('node:fs/promises').then((fs) => fs.readFile(saved)), png)).toBe(0);
    await item.getByLabel('Odpowiedź publiczna (mieszkaniec zobaczy ją po kodzie)').fill('Otwieramy drugie okienko.');
    await item.getByRole('button', { name: 'Zapisz odpowiedź' }).click();
    await item.getByText('Zapisano.').waitFor({ timeout: 15_000 });
    const answered = staff.locator('article', { hasText: text });
    await answered.getByRole('button', { name: 'Zmień status na: z odpowiedzią' }).click();
    await staff
      .locator('article', { hasText: text })
      .getByRole('heading', { name: /z odpowiedzią/ })
      .waitFor({ timeout: 15_000 });

    // The resident's status page now shows the answer (the link from the QR code carries the code).
    await page.goto(`${session.platform.baseUrl}/opinia/sprawdz?kod=${code}`);
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.getByRole('heading', { name: 'Status: z odpowiedzią' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Otwieramy drugie okienko.').count()).toBe(1);
    expect(await axeViolations(page), 'the answered status').toEqual([]);
  }, 240_000);
});
