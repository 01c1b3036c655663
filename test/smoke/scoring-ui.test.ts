import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-deps';
import { sampleRubric } from '../../shared/editions/sample-edition';
import { keys } from '../../shared/store/keys';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

const h1 = (page: Page) => page.locator('h1').textContent();
const JUSTIFICATION = 'Uzasadnienie na podstawie dokumentów i odpowiedzi urzędu.';
/** The smallest file the server takes for a PDF: its content check reads the `%PDF-` header. */
const TINY_PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

/** Presses Tab until the focused element matches `selector` — the keyboard's way to a field. */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A JSON call as the signed-in user of the context (same cookies, same origin). */
async function call(request: APIRequestContext, baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { data: body }),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(200);
  return res.json();
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A submitted sheet of zeros (every area and extreme justified, every checklist item not met) put straight into the table. */
async function putSubmittedZeros(
  platform: RunningPlatform,
  editionId: string,
  applicationId: string,
  expertId: string,
) {
  const rubric = sampleRubric();
  const criteria = rubric.areas.flatMap((a) => a.criteria);
  const now = new Date().toISOString();
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
  );
  await doc.send(
    new PutCommand({
      TableName: LOCAL_TABLE_NAME,
      Item: {
        ...keys.sheet(applicationId, expertId),
        entity: 'sheet',
        editionId,
        applicationId,
        expertId,
        status: 'submitted',
        version: 2,
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
        scores: Object.fromEntries(criteria.map((c) => [c.code, 0])),
        areaJustifications: Object.fromEntries(rubric.areas.map((a) => [a.code, JUSTIFICATION])),
        criterionJustifications: Object.fromEntries(criteria.map((c) => [c.code, 'Brak dowodów.'])),
        feedback: '',
        privateNote: '',
        contacts: Object.fromEntries(
          rubric.mysteryShopper.channels.map((ch) => [
            ch.channel,
            { at: now, ticks: Object.fromEntries(ch.items.map((i) => [i.code, 'notMet'])) },
          ]),
        ),
        gsi1pk: keys.editionSheets(editionId),
        gsi1sk: keys.editionSheetSort(applicationId, expertId),
      },
    }),
  );
  doc.destroy();
}

describeWithBrowser('scoring by the chapter in the browser (npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let organizer: BrowserContext;
  let expert: BrowserContext;
  let editionId = '';
  /** The application the demo expert scored. */
  let scored = { applicationId: '', institution: '' };

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    organizer = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    expert = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('seeds: the organizer commits the demo assignment and the edition is in review; the Ocena tab shows nothing scored', async () => {
    const account = demoAccount(platform.output(), 'organizer');
    expect(account, platform.output()).not.toBeNull();
    const page = await organizer.newPage();
    await logIn(page, platform.baseUrl, account!);
    const editions = (await call(organizer.request, platform.baseUrl, 'GET', '/api/editions?limit=100')) as {
      items: { editionId: string; number: string }[];
    };
    editionId = editions.items.find((e) => e.number === 'X edycja')?.editionId ?? '';
    expect(editionId).not.toBe('');
    const base = `/api/editions/${editionId}/assignment`;
    const preview = (await call(organizer.request, platform.baseUrl, 'POST', `${base}/preview`, {
      mode: 'incremental',
    })) as { previewId: string };
    await call(organizer.request, platform.baseUrl, 'POST', `${base}/commit`, {
      mode: 'incremental',
      previewId: preview.previewId,
    });
    // Applications close in the future in the demo: the edition is put in review in the store itself.
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
    );
    const key = keys.edition(editionId);
    const item = (await doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: key }))).Item;
    expect(item?.state).toBe('open');
    await doc.send(
      new PutCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: { ...item, state: 'review', version: Number(item?.version) + 1 },
      }),
    );
    doc.destroy();

    await page.goto(`${platform.baseUrl}/organizer/editions/${editionId}?tab=scoring`);
    await expect.poll(() => page.locator('#ed-tab-title').textContent()).toBe('Ocena');
    const fact = page.locator('.sc-summary [data-key="submitted"] dd');
    await expect.poll(() => fact.textContent(), { timeout: 10_000 }).toBe('0');
    expect(await page.locator('.sc-summary [data-key="pairs"] dd').textContent()).toBe('6');
    expect(await page.locator('main').textContent()).toContain('Żaden ekspert nie zaczął jeszcze oceniać.');
    expect(await axeViolations(page), 'Ocena tab, nothing scored').toEqual([]);
    await page.close();
  });

  it('the expert opens an assigned application, scores it with the keyboard only, the draft survives a reload, and submits', async () => {
    const account = demoAccount(platform.output(), 'expert');
    expect(account, platform.output()).not.toBeNull();
    const page = await expert.newPage();
    await logIn(page, platform.baseUrl, account!);
    await page.goto(`${platform.baseUrl}/expert/editions/${editionId}`);
    const row = page.locator('table.ex-mine tbody tr[data-application-id]').first();
    await row.locator('[data-sheet-status="new"]').waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('nowa');
    expect(await axeViolations(page), 'expert edition with sheets').toEqual([]);
    const institution = (await row.locator('th').textContent()) ?? '';
    scored = { applicationId: (await row.getAttribute('data-application-id')) ?? '', institution };

    // Tab to "Oceń" and follow it with Enter.
    await tabTo(page, 'table.ex-mine tbody tr[data-application-id]:first-child a');
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe(`Ocena zgłoszenia: ${institution}`);
    await page.locator('#sheet-scores-0').waitFor();
    expect(await page.locator('.rv-answers h3').count()).toBeGreaterThan(1);
    expect(await page.locator('.rv-others-box').textContent()).toContain('po złożeniu własnej karty');
    expect(await axeViolations(page), 'review page, new sheet').toEqual([]);

    // Evidence may come first: the untouched sheet is saved as a draft, then the file is attached;
    // "Usuń" takes it off again, for good (a reload shows none).
    await page
      .locator('#sheet-contacts-visit-evidence')
      .setInputFiles({ name: 'pierwszy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(TINY_PDF) });
    const firstFile = page.locator('[data-evidence="visit"] li[data-file="pierwszy.pdf"]');
    await firstFile.waitFor({ timeout: 15_000 });
    expect(await page.locator('.rv-save [data-save]').getAttribute('data-save')).toBe('saved');
    await firstFile.getByRole('button', { name: 'Usuń plik pierwszy.pdf' }).click();
    await expect
      .poll(() => page.locator('[data-evidence="visit"] [role="status"]').textContent(), { timeout: 10_000 })
      .toContain('Usunięto plik pierwszy.pdf.');
    expect(await page.locator('[data-evidence="visit"]').textContent()).toContain('Nie dołączono żadnego pliku.');
    await page.reload();
    await page.locator('#sheet-scores-0').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-evidence="visit"] .ap-files li').count()).toBe(0);

    // Scores: the first criterion at its maximum (which asks for a justification), the rest 6.
    const criteria = await page.locator('.rv-criterion').count();
    expect(criteria).toBe(8);
    for (let i = 0; i < criteria; i++) {
      await tabTo(page, `#sheet-scores-${i}`);
      await page.keyboard.type(i === 0 ? '10' : '6');
      if (i === 0) {
        await tabTo(page, '#sheet-criterionJustifications-0');
        await page.keyboard.type('Pełne standardy obsługi, stosowane w praktyce.');
      }
    }
    await expect
      .poll(() => page.locator('.rv-save [data-save]').getAttribute('data-save'), { timeout: 10_000 })
      .toBe('saved');
    expect(await page.locator('.rv-total').textContent()).toBe('Suma ważona: 52 z 105 pkt');

    // Submitting now names what is missing: the area justifications and the mystery-shopper contacts.
    await tabTo(page, '.rv-submit > button', 200);
    await page.keyboard.press('Space');
    await page.keyboard.press('Space'); // the confirmation takes focus
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('Uzasadnienie obszaru');
    expect(await summary.textContent()).toContain('Podaj datę i godzinę kontaktu.');
    expect(await page.locator('#sheet-areaJustifications-0').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'submit refused').toEqual([]);

    // The summary has focus: Tab on from it to each field still to fill.
    const areas = await page.locator('.rv-area').count();
    for (let a = 0; a < areas; a++) {
      await tabTo(page, `#sheet-areaJustifications-${a}`, 200);
      await page.keyboard.type(JUSTIFICATION);
    }
    for (const channel of ['visit', 'phone', 'email', 'website']) {
      await tabTo(page, `#sheet-contacts-${channel}-at`);
      // Reached by Tab; headless Chromium's datetime-local takes no typed segments, so the value is set whole.
      await page.locator(`#sheet-contacts-${channel}-at`).fill('2026-02-20T10:30');
      expect(await page.locator(`#sheet-contacts-${channel}-at`).inputValue()).toBe('2026-02-20T10:30');
      await tabTo(page, `#sheet-contacts-${channel}-asked`);
      await page.keyboard.type('Jak załatwić sprawę?');
      const items = await page.locator(`[data-channel="${channel}"] .rv-tick`).count();
      for (let j = 0; j < items; j++) {
        await tabTo(page, `#sheet-contacts-${channel}-ticks-${j}`);
        await page.keyboard.press('Space'); // the first radio: spełnione
      }
    }
    await tabTo(page, '#sheet-feedback');
    await page.keyboard.type('Dziękujemy za staranne zgłoszenie.');
    await expect.poll(() => page.locator('.rv-total').textContent()).toBe('Suma ważona: 77 z 105 pkt');
    await expect
      .poll(() => page.locator('.rv-save [data-save]').getAttribute('data-save'), { timeout: 10_000 })
      .toBe('saved');

    // The draft survives a reload.
    await page.reload();
    await page.locator('#sheet-scores-0').waitFor({ timeout: 10_000 });
    expect(await page.locator('#sheet-scores-0').inputValue()).toBe('10');
    expect(await page.locator('#sheet-areaJustifications-4').inputValue()).toBe(JUSTIFICATION);
    expect(await page.locator('#sheet-contacts-phone-at').inputValue()).toBe('2026-02-20T10:30');
    expect(await page.locator('#sheet-contacts-visit-ticks-1').isChecked()).toBe(true);
    expect(await page.locator('.rv-total').textContent()).toBe('Suma ważona: 77 z 105 pkt');
    expect(await axeViolations(page), 'review page, draft').toEqual([]);

    // Evidence of the visit: a renamed executable is refused by its content, at the field and in the
    // summary; a small PDF is attached, listed with its size, and still there after a reload.
    const evidenceInput = page.locator('#sheet-contacts-visit-evidence');
    const visitEvidence = page.locator('[data-evidence="visit"]');
    await evidenceInput.setInputFiles({
      name: 'skan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]),
    });
    await expect
      .poll(() => visitEvidence.locator('.error-message').textContent(), { timeout: 15_000 })
      .toContain('Dozwolone rodzaje plików');
    expect(await evidenceInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Dowód kontaktu (PDF, JPG, PNG, do 10 MB): Wizyta: Dozwolone rodzaje plików',
    );
    expect(await visitEvidence.locator('.ap-files li').count()).toBe(0);
    expect(await axeViolations(page), 'review page, evidence refused').toEqual([]);

    await evidenceInput.setInputFiles({
      name: 'wizyta.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(TINY_PDF),
    });
    const listed = visitEvidence.locator('li[data-file="wizyta.pdf"]');
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.textContent()).toMatch(/^wizyta\.pdf \(\d+ B\) Usuń$/);
    expect(await visitEvidence.locator('[role="status"]').textContent()).toContain('Dołączono plik wizyta.pdf.');
    expect(await visitEvidence.locator('.error-message').count()).toBe(0);
    expect(await page.locator('.error-summary').count()).toBe(0);
    await page.reload();
    await listed.waitFor({ timeout: 10_000 });
    const href = (await listed.locator('a').getAttribute('href')) ?? '';
    expect(href).toMatch(/\/evidence\/[^/]+$/);
    const download = await expert.request.get(`${platform.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString('latin1')).toBe(TINY_PDF);
    expect(await axeViolations(page), 'review page, evidence attached').toEqual([]);

    // A second tab saves first: this tab's next save is refused with the server's words and a way to load the stored sheet.
    const other = await expert.newPage();
    await other.goto(page.url());
    await other.locator('#sheet-privateNote').waitFor({ timeout: 10_000 });
    await other.locator('#sheet-privateNote').fill('Notatka z drugiej karty.');
    await expect
      .poll(() => other.locator('.rv-save [data-save]').getAttribute('data-save'), { timeout: 10_000 })
      .toBe('saved');
    await other.close();
    await tabTo(page, '#sheet-feedback', 250);
    await page.keyboard.type(' Pozdrawiamy.');
    const save = page.locator('.rv-save');
    await expect.poll(() => save.locator('[data-save]').getAttribute('data-save'), { timeout: 10_000 }).toBe('stale');
    expect(await save.textContent()).toContain('Karta została zapisana gdzie indziej');
    expect(await axeViolations(page), 'review page, stale save').toEqual([]);
    await tabTo(page, '.rv-save button');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#sheet-privateNote').inputValue(), { timeout: 10_000 })
      .toBe('Notatka z drugiej karty.');
    expect(await page.locator('#sheet-feedback').inputValue()).toBe('Dziękujemy za staranne zgłoszenie.');
    expect(await page.locator('.form-status').last().textContent()).toBe('Wczytano zapisaną wersję karty.');

    // 375 px wide: everything stacks, nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'review page at 375 px').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await tabTo(page, '.rv-submit > button', 250);
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-testid="rv-submitted"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#sheet-scores-0').isDisabled()).toBe(true);
    expect(await page.locator('.rv-submit').count()).toBe(0);
    expect(await page.locator('.rv-others-box').textContent()).toContain(
      'Nikt inny nie złożył jeszcze karty dla tego zgłoszenia.',
    );
    expect(await axeViolations(page), 'review page, submitted').toEqual([]);
    // The evidence stays listed for download, but can no longer be removed or added to.
    expect(await page.locator('[data-evidence="visit"] li[data-file="wizyta.pdf"]').textContent()).not.toContain(
      'Usuń',
    );
    expect(await page.locator('#sheet-contacts-visit-evidence').count()).toBe(0);

    await page.goto(`${platform.baseUrl}/expert/editions/${editionId}`);
    const submitted = page.locator('table.ex-mine tbody tr', { hasText: institution });
    await submitted.locator('[data-sheet-status="submitted"]').waitFor({ timeout: 10_000 });
    expect(await submitted.textContent()).toContain('77 z 105 pkt');
    await page.close();
  });

  it('the organizer sees progress move, and closing scoring with gaps asks for a confirmation naming them', async () => {
    const page = await organizer.newPage();
    await page.goto(`${platform.baseUrl}/organizer/editions/${editionId}?tab=scoring`);
    await expect
      .poll(() => page.locator('.sc-summary [data-key="submitted"] dd').textContent(), { timeout: 10_000 })
      .toBe('1');
    expect(await page.locator('table.sc-apps tbody tr .sc-submitted', { hasText: '1 z 3' }).count()).toBe(1);
    expect(await page.locator('table.sc-experts tbody').textContent()).toContain('dr Jan Ekspert');
    await page.getByLabel('Tylko niekompletne').check();
    expect(await page.locator('table.sc-apps tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: /^Urząd/ }).click();
    expect(await page.locator('table.sc-apps th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await axeViolations(page), 'Ocena tab with a submitted sheet').toEqual([]);

    // Another expert of the same application submits zeros (written to the store): a clear disagreement.
    const assignment = (await call(
      organizer.request,
      platform.baseUrl,
      'GET',
      `/api/editions/${editionId}/assignment`,
    )) as {
      applications: { applicationId: string; experts: { userId: string; displayName: string }[] }[];
    };
    const colleague = assignment.applications
      .find((a) => a.applicationId === scored.applicationId)
      ?.experts.find((e) => e.displayName !== 'dr Jan Ekspert');
    expect(colleague).toBeDefined();
    await putSubmittedZeros(platform, editionId, scored.applicationId, colleague!.userId);
    await page.reload();
    const disagreement = page.locator('.sc-disagreement', { hasText: scored.institution });
    await disagreement.waitFor({ timeout: 10_000 });
    expect(await page.locator('.sc-summary [data-key="disagreements"] dd').textContent()).toBe('1');
    expect(await disagreement.textContent()).toContain('Rozrzut sum: 77 pkt (73,3%)');
    expect(await disagreement.textContent()).toContain('A1.1: od 0 do 10 (rozrzut 10 z 10)');
    expect(await axeViolations(page), 'Ocena tab with a disagreement').toEqual([]);

    // The expert now sees the colleague's sheet, as "Ekspert 1" only.
    const expertPage = await expert.newPage();
    await expertPage.goto(`${platform.baseUrl}/expert/editions/${editionId}/reviews/${scored.applicationId}`);
    const others = expertPage.locator('table.rv-others');
    await others.waitFor({ timeout: 10_000 });
    expect(await others.locator('thead').textContent()).toContain('Ekspert 1');
    expect(await expertPage.locator('.rv-others-box').textContent()).not.toContain(colleague!.displayName);
    expect(await axeViolations(expertPage), 'review page with another sheet').toEqual([]);
    await expertPage.close();

    // The organizer reopens the colleague's sheet with a reason; the disagreement leaves the queue.
    await disagreement
      .getByRole('button', { name: new RegExp(`^Otwórz ponownie — ${colleague!.displayName}`) })
      .click();
    await page.getByLabel(`Powód otwarcia karty: ${colleague!.displayName}`).fill('Proszę zweryfikować oceny zerowe.');
    await page.getByRole('button', { name: 'Otwórz kartę' }).click();
    await expect
      .poll(() => page.locator('.sc-status').textContent(), { timeout: 10_000 })
      .toBe(`Otwarto ponownie kartę: ${colleague!.displayName}.`);
    await expect.poll(() => page.locator('.sc-disagreement').count()).toBe(0);
    expect(await page.locator('.sc-summary [data-key="inProgress"] dd').textContent()).toBe('1');

    await page.getByRole('link', { name: 'Przegląd', exact: true }).click();
    await page.getByRole('button', { name: 'Przekaż do kapituły' }).click();
    await page.getByRole('button', { name: 'Tak, zmień etap' }).click();
    const box = page.locator('.error-summary');
    await expect.poll(() => box.textContent(), { timeout: 10_000 }).toContain('niezłożone karty ocen: 5');
    const closeAnyway = page.getByRole('button', { name: /^Zamknij ocenę mimo braków \(\d+\)$/ });
    expect(await closeAnyway.count()).toBe(1);
    expect(await axeViolations(page), 'deliberation refused with gaps').toEqual([]);
    await closeAnyway.click();
    await page.getByRole('button', { name: 'Tak, zamknij ocenę' }).click();
    await expect
      .poll(() => page.locator('.ed-next [role="status"]').textContent(), { timeout: 10_000 })
      .toBe('Edycja jest teraz w stanie „Obrady kapituły”.');
    await page.close();
  });
});
