import { expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn } from '../support/browser';
import { describeWithBrowser } from '../support/chromium';
import { smokeSession } from '../support/smoke-session';

/**
 * Issue 18 §2 in a real browser: a resident opens the demo office's survey link on a 375 px phone
 * (channel and matter pre-filled by the link), answers with the keyboard alone, and the office's
 * results count the answer. axe on the form and on the thank-you state.
 */
describeWithBrowser('residents’ survey (375 × 812, npm start -- --in-memory)', () => {
  const session = smokeSession();

  it('a resident answers on a phone with the keyboard; the office’s results count it', async () => {
    // The office: its survey and its answers so far (the demo's 360).
    const office = await session.newContext();
    const staff = await office.newPage();
    const account = demoAccount(session.platform.output(), 'institution');
    expect(account, session.platform.output()).not.toBeNull();
    await logIn(staff, session.platform.baseUrl, account!);
    const results = () =>
      staff.evaluate(async () => {
        const me = (await (await fetch('/api/me')).json()) as { user: { institutionId: string } };
        const list = (await (await fetch(`/api/institutions/${me.user.institutionId}/surveys`)).json()) as {
          items: { surveyId: string }[];
        };
        const surveyId = list.items[0]?.surveyId ?? '';
        const r = (await (
          await fetch(`/api/institutions/${me.user.institutionId}/surveys/${surveyId}/results`)
        ).json()) as { all: { n: number } };
        return { surveyId, n: r.all.n };
      });
    const before = await results();
    expect(before.n).toBe(360);

    // The resident: no account, a phone, the link from a ticket.
    const resident = await session.newContext({ viewport: { width: 375, height: 812 } });
    const page = await resident.newPage();
    await page.goto(`${session.platform.baseUrl}/ankieta/${before.surveyId}?kanal=in_person&sprawa=civil_registry`);
    await page.locator('form.sv-form').waitFor();
    expect(await page.locator('#sv-channel').inputValue()).toBe('in_person');
    expect(await page.locator('#sv-matter').inputValue()).toBe('civil_registry');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the form').toEqual([]);

    // Keyboard only: focus the first rating, arrows choose within a group, Tab moves to the next.
    await page.locator('input[name="sv-waiting"]').first().focus();
    await page.keyboard.press('Space'); // 1
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // … 5
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // usefulness 1
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // … 4
    expect(await page.locator('input[name="sv-waiting"]:checked').inputValue()).toBe('5');
    expect(await page.locator('input[name="sv-usefulness"]:checked').inputValue()).toBe('4');
    await page.locator('#sv-comment').focus();
    await page.keyboard.type('Sprawnie i uprzejmie.');
    await page.keyboard.press('Tab'); // the honeypot is out of the tab order: next is the button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Wyślij odpowiedź');
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Dziękujemy za odpowiedź!');
    expect(await axeViolations(page), 'the thank-you state').toEqual([]);

    await expect.poll(async () => (await results()).n, { timeout: 15_000 }).toBe(before.n + 1);

    // The office sets up another survey with the form; a period backwards is refused, naming the field.
    await staff.goto(`${session.platform.baseUrl}/institution/surveys`);
    await staff.locator('.sv-list').waitFor();
    await staff.getByLabel('Tytuł (po polsku)').fill('Ankieta po wizycie w USC');
    await staff.getByLabel('Pierwszy dzień badania').fill('2027-02-01');
    await staff.getByLabel('Ostatni dzień badania').fill('2027-01-01');
    await staff.getByLabel('Pytanie 1').fill('Czy łatwo było nas znaleźć?');
    await staff.getByRole('button', { name: 'Załóż ankietę' }).click();
    await expect.poll(() => staff.locator('[aria-invalid="true"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await staff.locator('[aria-invalid="true"]').getAttribute('name')).toBe('closesOn');
    await staff.getByLabel('Ostatni dzień badania').fill('2027-12-31');
    await staff.getByRole('button', { name: 'Załóż ankietę' }).click();
    await expect
      .poll(() => staff.locator('.sv-list li').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Ankieta po wizycie w USC')]));
    expect(await axeViolations(staff), 'the surveys page').toEqual([]);
  }, 180_000);
});
