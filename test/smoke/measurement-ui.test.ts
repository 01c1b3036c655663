import { expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn } from '../support/browser';
import { describeWithBrowser } from '../support/chromium';
import { smokeSession } from '../support/smoke-session';

/**
 * Issue 18 §4 in a real browser: the demo's published ranking of this year on a 375 px phone (tables per
 * type, movement with words, reachable by keyboard), the organizer's measurement page and the office's
 * opt-in list on its surveys page. axe on every state.
 */
describeWithBrowser('the standard measurement (375 × 812, npm start -- --in-memory)', () => {
  const session = smokeSession();

  it('public ranking on a phone, the organizer’s page and the office’s opt-in, axe clean', async () => {
    const year = new Date().getUTCFullYear();
    const phone = await session.newContext({ viewport: { width: 375, height: 812 } });
    const page = await phone.newPage();
    await page.goto(`${session.platform.baseUrl}/badanie-satysfakcji/${year}`);
    await page.getByRole('heading', { name: 'Urząd gminy / miasta' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('table').count()).toBe(2);
    expect(await page.getByText(/awans z miejsca|spadek z miejsca/).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'the public ranking').toEqual([]);

    const organizer = await session.newContext();
    const org = await organizer.newPage();
    await logIn(org, session.platform.baseUrl, demoAccount(session.platform.output(), 'organizer')!);
    await org.goto(`${session.platform.baseUrl}/organizer/measurement`);
    await org.getByRole('button', { name: 'Podgląd rankingu' }).click({ timeout: 15_000 });
    await org.getByRole('table').first().waitFor({ timeout: 15_000 });
    expect(await axeViolations(org), 'the organizer’s page').toEqual([]);

    const office = await session.newContext();
    const staff = await office.newPage();
    await logIn(staff, session.platform.baseUrl, demoAccount(session.platform.output(), 'institution')!);
    await staff.setViewportSize({ width: 375, height: 812 }); // signed in on the wide menu, then the phone
    await staff.goto(`${session.platform.baseUrl}/institution/surveys`);
    await staff.getByRole('heading', { name: 'Roczne badanie satysfakcji' }).waitFor({ timeout: 15_000 });
    expect(await staff.getByRole('link', { name: `Publiczny ranking ${year}` }).count()).toBe(1);
    expect(await axeViolations(staff), 'the surveys page').toEqual([]);
  }, 180_000);
});
