import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn } from '../support/browser';
import { describeWithBrowser } from '../support/chromium';
import { smokeSession } from '../support/smoke-session';
import { decodeQr, pdfText, poppler } from '../support/pdf';

/**
 * Issue 18 §1 in a real browser: on a 375 px phone the demo office's clerk opens a survey, builds a
 * link pre-filled for one channel with the keyboard, copies it, and downloads the poster, whose QR
 * code holds exactly that link. axe on the page with the link builder.
 */
describeWithBrowser('survey poster and link builder (375 × 812, npm start -- --in-memory)', () => {
  const session = smokeSession();

  it('the clerk builds a pre-filled link with the keyboard, copies it, and the poster’s QR code holds it', async () => {
    const context = await session.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.platform.baseUrl });
    const page = await context.newPage();
    const account = demoAccount(session.platform.output(), 'institution');
    expect(account, session.platform.output()).not.toBeNull();
    await logIn(page, session.platform.baseUrl, account!);
    // Logged in on a desktop layout (the log-out button is in the phone's menu), then on a phone.
    await page.setViewportSize({ width: 375, height: 812 });

    await page.goto(`${session.platform.baseUrl}/institution/surveys`);
    const first = page.locator('.sv-list li a').first();
    await first.waitFor();
    const href = (await first.getAttribute('href')) ?? '';
    const surveyId = decodeURIComponent(href.split('/').pop() ?? '');
    await first.click();

    const builder = page.getByRole('region', { name: 'Plakat z kodem QR i link do rozdania' });
    await builder.waitFor({ timeout: 15_000 });
    await page.getByLabel('Sposób kontaktu w linku').focus();
    await page.keyboard.press('ArrowDown'); // the first channel: in person
    const link = `${session.platform.baseUrl}/ankieta/${surveyId}?kanal=in_person`;
    await expect.poll(() => page.getByLabel('Link dla mieszkańców').inputValue()).toBe(link);
    await page.getByRole('button', { name: 'Kopiuj link' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => builder.getByRole('status').textContent()).toBe('Link skopiowany do schowka.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the survey page with the link builder').toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      builder.getByRole('link', { name: 'Plakat PDF (A4, z kodem QR)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plakat-ankieta-${surveyId}-in_person.pdf`);
    const pdf = new Uint8Array(readFileSync((await download.path()) ?? ''));
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    if (!poppler) return;
    // The poster's link is on the site's public origin (locally http://localhost:<port>; the page here is
    // opened as 127.0.0.1), the builder's on the page's own: the same address past the origin.
    const qr = new URL(decodeQr(pdf) ?? '');
    expect(qr.origin).toBe(`http://localhost:${new URL(session.platform.baseUrl).port}`);
    expect(`${qr.pathname}${qr.search}`).toBe(`/ankieta/${surveyId}?kanal=in_person`);
    expect(pdfText(pdf, false)).toContain('Jak oceniasz naszą obsługę?');
  }, 180_000);
});
