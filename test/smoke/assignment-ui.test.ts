import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

const h1 = (page: Page) => page.locator('h1').textContent();
const NOWY_TARG = 'Urząd Skarbowy w Nowym Targu';
const ELK = 'Powiatowy Urząd Pracy w Ełku';
const others = ['dr hab. Anna Nowak', 'mgr Piotr Zieliński', 'dr Ewa Wiśniewska', 'prof. Tomasz Lewandowski'];

/** The proposal's summary figure by key (pairs, added, removed, …). */
const fact = (page: Page, scope: string, key: string) =>
  page.locator(`${scope} .as-summary [data-key="${key}"] dd`).textContent();

describeWithBrowser(
  'the chapter, conflicts and the automatic assignment in the browser (npm start -- --in-memory)',
  () => {
    let platform: RunningPlatform;
    let browser: Browser;
    let organizer: BrowserContext;
    let editionUrl = '';

    beforeAll(async () => {
      platform = await startInMemoryPlatform();
      browser = await launchChromium();
      organizer = await browser.newContext();
    });
    afterAll(async () => {
      await browser?.close();
      if (platform) await stopPlatform(platform, 'SIGINT');
    });

    it('the organizer sees the demo chapter of five experts and the settings', async () => {
      const account = demoAccount(platform.output(), 'organizer');
      expect(account, platform.output()).not.toBeNull();
      const page = await organizer.newPage();
      await logIn(page, platform.baseUrl, account!);
      await page.getByRole('link', { name: 'Edycje', exact: true }).click();
      await expect.poll(() => h1(page)).toBe('Edycje konkursu');
      const row = page.locator('tbody tr', { hasText: /\bX edycja/ });
      await row.first().waitFor();
      await row.getByRole('link', { name: /Przyjazny Urząd/ }).click();
      await expect.poll(() => h1(page)).toMatch(/^Przyjazny Urząd — X edycja/);
      editionUrl = new URL(page.url()).pathname;

      await page.getByRole('link', { name: 'Kapituła', exact: true }).click();
      await expect.poll(() => page.locator('#ed-tab-title').textContent()).toBe('Kapituła');
      const members = page.locator('table.as-members tbody tr');
      await expect.poll(() => members.count(), { timeout: 10_000 }).toBe(5);
      const text = await page.locator('table.as-members').textContent();
      for (const name of ['dr Jan Ekspert', ...others]) expect(text).toContain(name);
      expect(await members.filter({ hasText: 'dr hab. Anna Nowak' }).textContent()).toContain('Przewodniczący(-a)');
      // Every member is at load 0 of [0, 10] before anything is assigned.
      expect(await members.first().locator('td.as-num').allTextContents()).toEqual(['0', '10', '0', '0']);
      // The settings: default rules, and the bidding window the demo opened.
      await page.locator('#assignment-settings-rules-sameCounty').waitFor();
      expect(await page.locator('#assignment-settings-rules-sameCounty').isChecked()).toBe(true);
      expect(await page.locator('#assignment-settings-rules-previousEdition').isChecked()).toBe(false);
      expect(await page.locator('#assignment-settings-bidding-closesAt').inputValue()).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
      );
      expect(await axeViolations(page), 'chapter tab').toEqual([]);

      // Editing a member opens the form with their values; saving keeps the table current.
      await members
        .filter({ hasText: 'mgr Piotr Zieliński' })
        .getByRole('button', { name: /^Edytuj/ })
        .click();
      await expect
        .poll(() => page.locator('#ch-member-form-title').textContent())
        .toBe('Edytuj członka kapituły: mgr Piotr Zieliński');
      expect(await page.locator('#member-workplace-county').inputValue()).toBe('Warszawa');
      await page.locator('#member-maxLoad').fill('8');
      await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
      await expect.poll(() => page.locator('#ch-status').textContent()).toBe('Zapisano zmiany: mgr Piotr Zieliński.');
      await expect
        .poll(() => members.filter({ hasText: 'mgr Piotr Zieliński' }).locator('td.as-num').nth(1).textContent())
        .toBe('8');
      expect(await axeViolations(page), 'chapter tab after an edit').toEqual([]);
      await page.close();
    });

    it('the conflicts tab names the derived conflict and its rule', async () => {
      const page = await organizer.newPage();
      await page.goto(`${platform.baseUrl}${editionUrl}?tab=chapter`);
      await page.getByRole('link', { name: 'Konflikty interesów', exact: true }).click();
      const row = page.locator('table.as-conflicts tbody tr', { hasText: 'dr hab. Anna Nowak' });
      await row.first().waitFor({ timeout: 10_000 });
      expect(await row.count()).toBe(1);
      const text = await row.textContent();
      expect(text).toContain(NOWY_TARG);
      expect(text).toContain('ten sam powiat');
      // Derived by a rule: nothing to lift.
      expect(await row.getByRole('button').count()).toBe(0);
      expect(await axeViolations(page), 'conflicts tab').toEqual([]);

      await page.selectOption('#cf-expert', { label: 'mgr Piotr Zieliński' });
      await page.getByRole('button', { name: 'Pokaż', exact: true }).click();
      await expect
        .poll(() => page.locator('#cf-results').textContent())
        .toBe('Konflikty interesów: mgr Piotr Zieliński');
      await expect.poll(() => page.locator('main').textContent()).toContain('Brak konfliktów interesów.');
      await page.close();
    });

    it('previews the incremental assignment (6 pairs, a histogram), commits it once, and refuses a conflicting swap with the reason', async () => {
      const page = await organizer.newPage();
      await page.goto(`${platform.baseUrl}${editionUrl}?tab=assignment`);
      await expect
        .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
        .toContain('Przydział nie został jeszcze zatwierdzony.');
      expect(await axeViolations(page), 'assignment tab, nothing committed').toEqual([]);

      await page.getByRole('button', { name: 'Podgląd przyrostowy' }).click();
      await expect.poll(() => fact(page, '.as-proposal', 'pairs'), { timeout: 20_000 }).toBe('6');
      expect(await fact(page, '.as-proposal', 'added')).toBe('6');
      expect(await fact(page, '.as-proposal', 'removed')).toBe('0');
      // The heading of the preview takes focus.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('as-proposal-title');
      // The histogram: bars for sight, the same numbers in a table (five experts in all).
      expect(await page.locator('.as-histogram svg rect').count()).toBeGreaterThan(0);
      const perLoad = await page
        .locator('.as-histogram-table tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [Number(r.querySelector('th')?.textContent), Number(r.querySelector('td')?.textContent)]),
        );
      expect(perLoad.reduce((s, [, n]) => s + (n ?? 0), 0)).toBe(5);
      expect(perLoad.reduce((s, [load, n]) => s + (load ?? 0) * (n ?? 0), 0)).toBe(6);
      expect(await page.locator('.as-proposal-apps tbody tr').count()).toBe(2);
      expect(await page.locator('.as-proposal-apps .as-pair-added').count()).toBe(6);
      // Nobody in conflict is proposed.
      expect(await page.locator('.as-proposal-apps tbody tr', { hasText: NOWY_TARG }).textContent()).not.toContain(
        'Anna Nowak',
      );
      expect(await axeViolations(page), 'assignment preview').toEqual([]);

      const commit = page.getByRole('button', { name: 'Zatwierdź przydział' });
      // A double click commits once: the second press is ignored while the first runs.
      await commit.dblclick();
      await expect
        .poll(() => page.locator('.as-commit-status').textContent(), { timeout: 20_000 })
        .toMatch(/^Zatwierdzono przydział\. Pary: 6, nowe: 6, usunięte: 0, powiadomieni eksperci: [1-5]\.$/);
      expect(await page.locator('.as-proposal').count()).toBe(0);
      const apps = page.locator('table.as-current-apps tbody tr[data-application-id]');
      await expect.poll(() => apps.count()).toBe(2);
      for (const name of [NOWY_TARG, ELK]) {
        const row = apps.filter({ hasText: name });
        await expect.poll(() => row.locator('.as-experts > li').count()).toBe(3);
        expect(await row.locator('td.as-num').textContent()).toBe('3 z 3');
      }
      // "Zatwierdzony … przez: <name>" — the organizer by name, not by e-mail (issue 16 §8).
      expect(await page.locator('main').textContent()).toMatch(/Zatwierdzony .* przez: Organizator Demo\./);
      expect(await page.locator('main').textContent()).not.toContain('przez: organizator@');
      expect(await axeViolations(page), 'assignment committed').toEqual([]);

      // Swapping in the expert who works in Nowy Targ is refused, naming the conflict and its rule at the control.
      const row = apps.filter({ hasText: NOWY_TARG });
      await row.getByRole('button', { name: /^Zmień obsadę/ }).click();
      const panel = page.locator('.as-edit-row');
      await panel.waitFor();
      const to = panel.locator('select[id$="-swap-to"]');
      const anna = await to.locator('option', { hasText: 'dr hab. Anna Nowak' }).getAttribute('value');
      await to.selectOption(anna ?? '');
      await panel.getByRole('button', { name: 'Zamień', exact: true }).click();
      const alert = panel.locator('[role="alert"]');
      await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain(`Konflikt interesów z ${NOWY_TARG}`);
      expect(await alert.textContent()).toContain('ten sam powiat');
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect(await panel.locator(`#${await to.getAttribute('id')}-error`).textContent()).toContain('ten sam powiat');
      expect(await row.locator('.as-experts > li').count()).toBe(3);
      expect(await axeViolations(page), 'swap refused').toEqual([]);
      await page.close();
    });

    it('the expert sees only their own assignments, bids (+2, kept after a reload) and declares a conflict that flags the pair', async () => {
      const account = demoAccount(platform.output(), 'expert');
      expect(account, platform.output()).not.toBeNull();
      expect(account!.email).toBe('ekspert@demo.przyjazny-urzad.pl');
      const context = await browser.newContext();
      const page = await context.newPage();
      await logIn(page, platform.baseUrl, account!);
      await page.getByRole('link', { name: 'Moje edycje', exact: true }).click();
      await expect.poll(() => h1(page)).toBe('Moje edycje');
      const edition = page.locator('tbody tr', { hasText: /\bX edycja/ });
      await edition.first().waitFor({ timeout: 10_000 });
      expect(await axeViolations(page), '/expert').toEqual([]);
      await edition.getByRole('link', { name: /Przyjazny Urząd/ }).click();
      await expect.poll(() => h1(page)).toMatch(/^Przyjazny Urząd — X edycja/);

      const mine = page.locator('table.ex-mine tbody tr[data-application-id]');
      await mine.first().waitFor({ timeout: 10_000 });
      const assigned = await mine.count();
      expect(assigned).toBeGreaterThan(0);
      const bids = page.locator('table.ex-bids tbody tr[data-application-id]');
      await expect.poll(() => bids.count()).toBe(2);
      const main = (await page.locator('main').textContent()) ?? '';
      for (const name of others) expect(main).not.toContain(name);
      expect(main).toContain('Deklaracje są otwarte do');
      expect(await axeViolations(page), 'expert edition').toEqual([]);

      // A +2 bid on the Ełk office is saved at once and still there after a reload.
      const elk = bids.filter({ hasText: ELK });
      await elk.getByRole('radio', { name: '+2 (bardzo chętnie)' }).check();
      await expect
        .poll(() => elk.locator('.ex-bid-status').textContent(), { timeout: 10_000 })
        .toBe('Zapisano: +2 (bardzo chętnie).');
      expect(await elk.getByRole('group', { name: `Twoja deklaracja: ${ELK}` }).count()).toBe(1);
      await page.reload();
      const elkAgain = page.locator('table.ex-bids tbody tr[data-application-id]', { hasText: ELK });
      await elkAgain.waitFor({ timeout: 10_000 });
      expect(await elkAgain.getByRole('radio', { name: '+2 (bardzo chętnie)' }).isChecked()).toBe(true);
      expect(await elkAgain.getByRole('radio', { name: '0 (bez zdania)' }).isChecked()).toBe(false);

      // A conflict declared on an assigned application flags the row.
      const target = page.locator('table.ex-mine tbody tr[data-application-id]').first();
      await target.waitFor();
      const institution = (await target.locator('th').textContent()) ?? '';
      await target.getByRole('button', { name: /^Zgłoś konflikt interesów/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      expect(await axeViolations(page), 'declare form').toEqual([]);
      await page.getByLabel('Powód konfliktu').fill('Mój brat pracuje w tym urzędzie.');
      await page.getByRole('button', { name: 'Zgłoś konflikt', exact: true }).click();
      await expect
        .poll(() => page.locator('main > [role="status"]').first().textContent(), { timeout: 10_000 })
        .toBe(`Zgłoszono konflikt interesów z: ${institution}. Organizator wyznaczy zastępstwo.`);
      const flagged = page.locator('table.ex-mine tbody tr.as-flagged', { hasText: institution });
      await expect.poll(() => flagged.count()).toBe(1);
      expect(await flagged.textContent()).toContain('Zgłoszono konflikt');
      expect(await flagged.textContent()).toContain('Mój brat pracuje w tym urzędzie.');
      // The bidding list shows the conflict with the reason too.
      await expect
        .poll(() => page.locator('table.ex-bids tbody tr', { hasText: institution }).textContent())
        .toContain('zgłoszony przez eksperta: Mój brat pracuje w tym urzędzie.');
      expect(await axeViolations(page), 'conflict declared').toEqual([]);
      await context.close();
    });

    it('back as the organizer: the incremental preview replaces just the flagged pair', async () => {
      const page = await organizer.newPage();
      await page.goto(`${platform.baseUrl}${editionUrl}?tab=assignment`);
      await expect
        .poll(() => page.locator('.as-current-summary [data-key="flagged"] dd').textContent(), { timeout: 10_000 })
        .toBe('1');
      expect(await page.locator('.as-current-apps .as-badge-flagged').count()).toBe(1);
      expect(await axeViolations(page), 'assignment with a flagged pair').toEqual([]);
      await page.getByRole('button', { name: 'Podgląd przyrostowy' }).click();
      await expect.poll(() => fact(page, '.as-proposal', 'removed'), { timeout: 20_000 }).toBe('1');
      expect(await fact(page, '.as-proposal', 'added')).toBe('1');
      expect(await fact(page, '.as-proposal', 'kept')).toBe('5');
      expect(await page.locator('.as-proposal-apps .as-pair-removed').textContent()).toContain('dr Jan Ekspert');
      expect(await page.locator('.as-proposal-apps .as-pair-removed').textContent()).toContain(
        'usunięty: konflikt interesów',
      );
      expect(await page.locator('.as-proposal-apps .as-pair-added').count()).toBe(1);
      expect(await axeViolations(page), 'incremental preview after the conflict').toEqual([]);
      await page.getByRole('button', { name: 'Zatwierdź przydział' }).click();
      await expect
        .poll(() => page.locator('.as-commit-status').textContent(), { timeout: 20_000 })
        .toContain('nowe: 1, usunięte: 1');
      await expect.poll(() => page.locator('.as-current-summary [data-key="flagged"] dd').textContent()).toBe('0');

      // In English, the conflicts tab speaks of the declared conflict and the rule in English.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('link', { name: 'Conflicts of interest', exact: true }).click();
      await expect
        .poll(() => page.locator('table.as-conflicts').textContent(), { timeout: 10_000 })
        .toContain('same county');
      expect(await page.locator('table.as-conflicts').textContent()).toContain(
        'declared by the expert: Mój brat pracuje w tym urzędzie.',
      );
      expect(await axeViolations(page), 'conflicts tab (English)').toEqual([]);
      await page.close();
    });
  },
);
