import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newCertificateCode, normalizeCode } from '../../shared/certificates/certificate-code';
import type { CertificateSummary, CertificatesOverview, Verification } from '../../web/src/queries/certificates';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

/**
 * The certificate pages in Chromium in the states the real platform cannot easily be brought into
 * during a test: an expired certificate (a clock two years on), a superseded one, the lookup limit
 * (429 after 30 lookups from one address), failed and pending renderings. These answers are the
 * routes' (shared/http/responses/certificates.ts), served at the network by Playwright. Everything
 * the real server produces in a minute — issuing, valid, revoked, unknown codes, typing a code, the
 * English page — is checked against it in certificates-e2e.test.ts.
 */
const h1 = (page: Page) => page.locator('h1').textContent();
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const EXPIRED = newCertificateCode(new Uint8Array(16).fill(3));
const OLD = newCertificateCode(new Uint8Array(16).fill(9));
const NEWER = newCertificateCode(new Uint8Array(16).fill(11));
const LIMITED = newCertificateCode(new Uint8Array(16).fill(13));
const REASON = 'Błędna nazwa instytucji na certyfikacie, wystawiono poprawiony.';

const verification = (code: string, overrides: Partial<Verification> = {}): Verification => ({
  code,
  status: 'valid',
  certificate: {
    certificateNumber: 'PU/2024/0001',
    institution: { name: 'Urząd Gminy Łęczna — Referat Obsługi Mieszkańców i Przedsiębiorców', town: 'Łęczna' },
    edition: { name: 'Przyjazny Urząd', number: 'VIII edycja', year: 2024 },
    category: { pl: 'Urzędy gmin', en: 'Municipal offices' },
    outcome: 'distinction',
    distinctionReason: 'Wzorowa obsługa osób z niepełnosprawnościami, potwierdzona w wizycie.',
    issuedAt: '2024-11-20T10:00:00.000Z',
    validUntil: '2099-11-20T10:00:00.000Z',
    snapshotHash: '0123456789ab',
  },
  ...overrides,
});

async function answerVerification(route: Route) {
  // As the API reads a code: case-insensitive, hyphens optional (normalizeCode).
  const code = normalizeCode(decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? ''));
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
  if (code === EXPIRED)
    return json(
      200,
      verification(EXPIRED, {
        status: 'expired',
        certificate: { ...verification(EXPIRED).certificate, validUntil: '2025-11-20T10:00:00.000Z' },
      }),
    );
  if (code === OLD) return json(200, verification(OLD, { status: 'superseded', supersededBy: NEWER }));
  if (code === NEWER) return json(200, verification(NEWER));
  if (code === LIMITED)
    return json(
      429,
      { error: { code: 'RATE_LIMITED', message: 'Zbyt wiele prób. Spróbuj ponownie za chwilę.' } },
      { 'retry-after': '60' },
    );
  return json(404, { error: { code: 'NOT_FOUND', message: 'Nie znaleziono certyfikatu.' } });
}

const summary = (n: number, overrides: Partial<CertificateSummary> = {}): CertificateSummary => {
  const code = newCertificateCode(new Uint8Array(16).fill(n));
  return {
    code,
    certificateNumber: `PU/2024/000${n}`,
    applicationId: `app-${n}`,
    institution: { name: `Urząd Miasta Testowo ${n}`, town: 'Testowo' },
    outcome: 'laureate',
    category: { pl: 'Urzędy gmin', en: 'Municipal offices' },
    status: 'issued',
    issuedAt: '2024-11-20T10:00:00.000Z',
    validUntil: '2025-11-20T10:00:00.000Z',
    verifyUrl: `http://localhost:3000/weryfikacja/${code}`,
    attempts: 1,
    ...overrides,
  };
};

describeWithBrowser('certificate pages in the browser: verification on a phone, the organizer tab', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let phone: BrowserContext;
  let organizer: BrowserContext;

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    phone = await browser.newContext({
      locale: 'pl-PL',
      timezoneId: 'Europe/Warsaw',
      viewport: { width: 375, height: 740 },
    });
    await phone.route('**/api/public/certificates/**', answerVerification);
    organizer = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('expired, superseded (leading to the newer one) and over the lookup limit all fit 375 px with clean markup', async () => {
    const page = await phone.newPage();
    await page.goto(`${platform.baseUrl}/weryfikacja/${EXPIRED}`);
    await page.locator('.ct-verdict[data-status="expired"]').waitFor({ timeout: 15_000 });
    expect(await h1(page)).toBe('Weryfikacja certyfikatu');
    expect(await page.locator('#ct-verdict-title').textContent()).toContain('Certyfikat wygasł');
    expect(await page.locator('.ct-verdict').textContent()).toContain('Certyfikat był ważny do 20 listopada 2025.');
    expect(await fitsWidth(page), 'expired verdict at 375 px').toBe(true);
    expect(await axeViolations(page), 'expired verdict').toEqual([]);

    await page.goto(`${platform.baseUrl}/weryfikacja/${OLD}`);
    await page.locator('.ct-verdict[data-status="superseded"]').waitFor({ timeout: 10_000 });
    expect(await fitsWidth(page), 'superseded verdict at 375 px').toBe(true);
    expect(await axeViolations(page), 'superseded verdict').toEqual([]);
    await page.getByRole('link', { name: `Sprawdź nowy certyfikat (${NEWER})` }).click();
    await page.locator('.ct-verdict[data-status="valid"]').waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(`/weryfikacja/${NEWER}`);

    await page.goto(`${platform.baseUrl}/weryfikacja/${LIMITED}`);
    const limited = page.locator('.ct-verdict[data-status="limited"]');
    await limited.waitFor({ timeout: 10_000 });
    expect(await page.locator('#ct-verdict-title').textContent()).toBe('Zbyt wiele sprawdzeń, spróbuj za chwilę');
    expect(await limited.textContent()).toContain('Można spróbować ponownie za 60 s.');
    expect(await fitsWidth(page), 'lookup limit at 375 px').toBe(true);
    expect(await axeViolations(page), 'lookup limit').toEqual([]);
    await page.close();
  });

  it('the organizer’s Certificates tab with renderings pending and failed: progress, statuses, the revoke form', async () => {
    const account = demoAccount(platform.output(), 'organizer');
    expect(account, platform.output()).not.toBeNull();
    const page = await organizer.newPage();
    await logIn(page, platform.baseUrl, account!);
    const editions = await page.request.get(`${platform.baseUrl}/api/editions?limit=100`);
    const { items } = (await editions.json()) as { items: { editionId: string; state: string }[] };
    const published = items.find((e) => e.state === 'published');
    expect(published, JSON.stringify(items)).toBeDefined();
    const editionId = published!.editionId;

    const certificates = [
      summary(1),
      summary(2, { status: 'pending' }),
      summary(3, { status: 'failed', error: 'Rendering timed out', attempts: 3 }),
      summary(4, { status: 'revoked', revoked: { at: '2025-01-15T09:00:00.000Z', reason: REASON } }),
    ];
    const overview: CertificatesOverview = {
      editionId,
      published: true,
      snapshotVersion: 1,
      eligible: 4,
      signatoriesMissing: true,
      counts: { issued: 1, pending: 1, failed: 1, revoked: 1, superseded: 0 },
      certificates,
    };
    await page.route(`**/api/editions/${editionId}/certificates`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(overview) }),
    );
    await page.goto(`${platform.baseUrl}/organizer/editions/${editionId}`);
    await page.getByRole('link', { name: 'Certyfikaty', exact: true }).click();
    await expect.poll(() => page.locator('#ed-tab-title').textContent(), { timeout: 10_000 }).toBe('Certyfikaty');
    await page.locator('table.ct-table').waitFor({ timeout: 10_000 });
    expect(await page.locator('table.ct-table tbody tr').count()).toBe(4);
    expect(await page.locator('#ct-progress').getAttribute('max')).toBe('4');
    // No signatories in this answer: their form is open on the tab, filled from the real edition.
    await page.getByLabel('Podpis 1: imię i nazwisko').waitFor({ timeout: 10_000 });
    expect(await axeViolations(page), 'Certificates tab').toEqual([]);

    await page.getByRole('button', { name: 'Unieważnij certyfikat PU/2024/0001' }).click();
    await page.getByRole('button', { name: 'Unieważnij certyfikat', exact: true }).click();
    await page.getByRole('group', { name: 'Wystąpił problem' }).waitFor();
    expect(await axeViolations(page), 'revoke form with its error').toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsWidth(page), 'Certificates tab at 375 px (the table scrolls in its region)').toBe(true);
    expect(await axeViolations(page), 'Certificates tab at 375 px').toEqual([]);
    await page.close();
  });
});
