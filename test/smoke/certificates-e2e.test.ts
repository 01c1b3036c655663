import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-deps';
import type { CertificateSummary, CertificatesOverview } from '../../web/src/queries/certificates';
import { goodPassword, seedUser } from '../support/accounts';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { testDeps } from '../support/factories';
import { stopPlatform, type RunningPlatform } from '../support/local-process';
import { decodeQr, pdfText, poppler } from '../support/pdf';

/**
 * Certificates end to end against the real platform (`npm start -- --in-memory` with its demo data,
 * real routes, the in-process worker rendering real PDFs), in Chromium: the organizer issues the
 * certificates of the demo's published "VIII edycja" (2024) in the Certyfikaty tab and waits for the
 * rendering; a VIII laureate's clerk downloads its PDF from its result page; the QR code read back
 * from that PDF opens the public verification page ("ważny"); the organizer revokes the certificate
 * with a reason and the same page then says "unieważniony" with the reason.
 *
 * No demo login belongs to a VIII laureate (the demo office stays without applications), so the
 * test seeds a member account for the laureate institution straight into the running platform's
 * table, as results-ui.test.ts does for its clerk.
 */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const REASON = 'Certyfikat wydany omyłkowo: sprawdzenie końcowego testu w przeglądarce.';

describeWithBrowser('certificates end to end: issue, download, the QR’s verification page, revoke', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let organizer: BrowserContext;
  let visitor: BrowserContext;
  let dynamo: DynamoDBClient;
  let editionId: string;
  /** The laureate whose certificate the clerk downloads and the organizer revokes. */
  let laureate: CertificateSummary;
  /** The verification page the QR opened, kept open: after the revocation it is reloaded. */
  let phone: Page;

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    organizer = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    visitor = await browser.newContext({
      locale: 'pl-PL',
      timezoneId: 'Europe/Warsaw',
      viewport: { width: 375, height: 740 },
    });
    dynamo = new DynamoDBClient({
      endpoint: platform.dynamoEndpoint,
      region: localRegion,
      credentials: localCredentials,
    });
  });
  afterAll(async () => {
    dynamo?.destroy();
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  const overview = async (page: Page): Promise<CertificatesOverview> => {
    const res = await page.request.get(`${platform.baseUrl}/api/editions/${editionId}/certificates`);
    expect(res.status()).toBe(200);
    return (await res.json()) as CertificatesOverview;
  };

  it('the organizer issues the certificates of the demo’s "VIII edycja" in the Certyfikaty tab and sees them all rendered', async () => {
    const account = demoAccount(platform.output(), 'organizer');
    expect(account, platform.output()).not.toBeNull();
    const page = await organizer.newPage();
    await logIn(page, platform.baseUrl, account!);
    const list = await page.request.get(`${platform.baseUrl}/api/editions?limit=100`);
    const { items } = (await list.json()) as {
      items: { editionId: string; number: string; year: number; state: string }[];
    };
    const eighth = items.find((e) => e.number === 'VIII edycja' && e.year === 2024);
    expect(eighth?.state, JSON.stringify(items)).toBe('published');
    editionId = eighth!.editionId;

    await page.goto(`${platform.baseUrl}/organizer/editions/${editionId}`);
    await page.getByRole('link', { name: 'Certyfikaty', exact: true }).click();
    await expect.poll(() => page.locator('#ed-tab-title').textContent(), { timeout: 10_000 }).toBe('Certyfikaty');
    await page.getByText('Nie wystawiono jeszcze żadnego certyfikatu.').waitFor({ timeout: 10_000 });
    // The demo names the signatories; the tab lists them (and would let them be changed).
    const signatories = page.locator('.ct-sign-list li');
    await signatories.first().waitFor({ timeout: 10_000 });
    expect(await signatories.allTextContents()).toEqual([
      'prof. dr hab. Żaneta Śliwińska — Przewodnicząca Kapituły Konkursu',
      'Łukasz Źródłowski — Prezes Fundacji Przyjazny Urząd, organizator konkursu',
    ]);
    // Changed here, not in the settings (locked since review): saved as they are, with the edition's version.
    await page.getByRole('button', { name: 'Edytuj podpisy' }).click();
    const name1 = page.getByLabel('Podpis 1: imię i nazwisko');
    expect(await name1.inputValue()).toBe('prof. dr hab. Żaneta Śliwińska');
    expect(await axeViolations(page), 'signatories form on the Certificates tab').toEqual([]);
    await page.getByRole('button', { name: 'Zapisz podpisy' }).click();
    await expect
      .poll(() => page.locator('.ct-status').textContent(), { timeout: 10_000 })
      .toBe('Zapisano podpisy na certyfikatach.');
    expect(await name1.count()).toBe(0);
    expect(await signatories.count()).toBe(2);
    // Three laureates and the ZUS branch's distinction.
    expect(await page.locator('.ct-progress').textContent()).toContain(
      'Opublikowane wyniki dają prawo do 4 certyfikatów.',
    );
    expect(await axeViolations(page), 'Certificates tab before issuing').toEqual([]);

    await page.getByRole('button', { name: 'Wystaw certyfikaty' }).click();
    // The worker renders in the background; the tab polls until nothing is pending and says so.
    await expect
      .poll(() => page.locator('.ct-status').textContent(), { timeout: 60_000 })
      .toBe('Wszystkie zlecone certyfikaty są gotowe.');
    expect(await page.locator('.ct-progress-text').textContent()).toBe('Gotowe certyfikaty: 4 z 4.');
    const rows = page.locator('table.ct-table tbody tr');
    expect(await rows.count()).toBe(4);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))))).toEqual(
      new Set(['issued']),
    );
    expect(await page.getByRole('link', { name: 'Pobierz wszystkie (ZIP)' }).count()).toBe(1);
    expect(await axeViolations(page), 'Certificates tab, all issued').toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsWidth(page), 'Certificates tab at 375 px (the table scrolls in its region)').toBe(true);
    expect(await axeViolations(page), 'Certificates tab at 375 px').toEqual([]);

    const { certificates } = await overview(page);
    const first = certificates.find((c) => c.outcome === 'laureate');
    expect(first, JSON.stringify(certificates)).toBeDefined();
    laureate = first!;
    await page.close();
  });

  it('the laureate’s clerk downloads its certificate PDF from its result page: its name is in the text, its QR opens "ważny"', async () => {
    // The laureate institution, from the organizer's list of the edition's applications.
    const apps = await organizer.request.get(`${platform.baseUrl}/api/editions/${editionId}/applications?limit=100`);
    const { items } = (await apps.json()) as { items: { applicationId: string; institutionId: string }[] };
    const institutionId = items.find((a) => a.applicationId === laureate.applicationId)?.institutionId;
    expect(institutionId, JSON.stringify(items)).toBeDefined();
    const deps = testDeps({ dynamo, tableName: LOCAL_TABLE_NAME });
    const { user } = await seedUser(deps, { role: 'institution', institutionId, displayName: 'Referent Certyfikatów' });

    const clerk = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const page = await clerk.newPage();
    await logIn(page, platform.baseUrl, { email: user.email, password: goodPassword });
    await page.goto(`${platform.baseUrl}/applications`);
    const toResult = page.locator(`a[href="/applications/${laureate.applicationId}/result"]`).first();
    await toResult.waitFor({ timeout: 10_000 });
    await toResult.click();
    const own = page.locator('.ct-own[data-status="issued"]');
    await own.waitFor({ timeout: 15_000 });
    expect(await own.locator('.ct-code').textContent()).toBe(laureate.code);
    const shownUrl = await own.locator('a.ct-url').textContent();
    expect(shownUrl).toBe(laureate.verifyUrl);
    expect(await axeViolations(page), 'own result with its certificate').toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Certyfikat PDF (po polsku)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = new Uint8Array(await readFile((await download.path()) ?? ''));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Read back as its readers meet it (poppler: skipped with a warning locally without it, never in CI).
    if (poppler) {
      const text = pdfText(pdf, false);
      expect(text).toContain(laureate.institution.name);
      expect(text).toContain(laureate.certificateNumber);
    }
    const qr = poppler ? decodeQr(pdf) : laureate.verifyUrl;
    expect(qr).toBe(laureate.verifyUrl);
    await clerk.close();

    // Whoever scans it opens the verification page (the path, on the platform under test).
    const verifyPath = new URL(qr ?? '').pathname;
    expect(verifyPath).toBe(`/weryfikacja/${laureate.code}`);
    phone = await visitor.newPage();
    await phone.goto(`${platform.baseUrl}${verifyPath}`);
    const verdict = phone.locator('.ct-verdict[data-status="valid"]');
    await verdict.waitFor({ timeout: 15_000 });
    expect(await phone.locator('#ct-verdict-title').textContent()).toContain('ważny');
    // What is printed on the certificate, and only that.
    const main = (await phone.locator('main').textContent()) ?? '';
    expect(main).toContain(laureate.institution.name);
    expect(main).toContain(laureate.certificateNumber);
    expect(main).toContain('VIII edycja');
    expect(await fitsWidth(phone), 'valid verdict at 375 px').toBe(true);
    expect(await axeViolations(phone), 'verification page, valid').toEqual([]);

    // The same code typed by hand on a phone (any case, stray spaces), its English page, and a wrong code.
    const typed = await visitor.newPage();
    await typed.goto(`${platform.baseUrl}/weryfikacja`);
    await typed.getByLabel('Kod certyfikatu').waitFor({ timeout: 15_000 });
    expect(await fitsWidth(typed), '/weryfikacja at 375 px').toBe(true);
    expect(await axeViolations(typed), '/weryfikacja').toEqual([]);
    await typed.getByLabel('Kod certyfikatu').fill(`  ${laureate.code.toLowerCase()}  `);
    await typed.getByRole('button', { name: 'Sprawdź' }).click();
    await typed.locator('.ct-verdict[data-status="valid"]').waitFor({ timeout: 10_000 });
    await typed.getByRole('link', { name: 'English version' }).click();
    await typed.locator('.ct-verdict[data-status="valid"]').waitFor({ timeout: 10_000 });
    expect(new URL(typed.url()).pathname).toMatch(/^\/en\/verify\//);
    expect(await typed.locator('#ct-verdict-title').textContent()).toContain('Certificate valid');
    expect(await fitsWidth(typed), '/en/verify at 375 px').toBe(true);
    expect(await axeViolations(typed), '/en/verify, valid').toEqual([]);
    await typed.goto(`${platform.baseUrl}/weryfikacja/NIE-MA-TAKIEGO-KODU`);
    await typed.locator('.ct-verdict[data-status="unknown"]').waitFor({ timeout: 10_000 });
    expect(await typed.locator('#ct-verdict-title').textContent()).toBe('Nie znaleziono certyfikatu o tym kodzie');
    expect(await axeViolations(typed), 'unknown code').toEqual([]);
    await typed.close();
  });

  it('the organizer revokes it with a reason; the verification page then says "unieważniony" and why', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}/organizer/editions/${editionId}?tab=certificates`);
    const row = page.locator(`tr[data-code="${laureate.code}"]`);
    await row.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: `Unieważnij certyfikat ${laureate.certificateNumber}` }).click();
    await page.getByLabel(/^Powód/).fill(REASON);
    await page.getByRole('button', { name: 'Unieważnij certyfikat', exact: true }).click();
    await page.getByRole('button', { name: 'Tak, unieważnij' }).click();
    await expect
      .poll(() => page.locator('.ct-status').textContent(), { timeout: 10_000 })
      .toBe(`Unieważniono certyfikat ${laureate.certificateNumber}.`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('revoked');
    expect(await row.textContent()).toContain(REASON);
    expect(await axeViolations(page), 'Certificates tab after a revocation').toEqual([]);
    await page.close();

    await phone.reload();
    const verdict = phone.locator('.ct-verdict[data-status="revoked"]');
    await verdict.waitFor({ timeout: 15_000 });
    expect(await phone.locator('#ct-verdict-title').textContent()).toContain('unieważniony');
    expect(await verdict.textContent()).toContain(REASON);
    expect(await fitsWidth(phone), 'revoked verdict at 375 px').toBe(true);
    expect(await axeViolations(phone), 'verification page, revoked').toEqual([]);
    await phone.close();
  });
});
