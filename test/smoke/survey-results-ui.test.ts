import { expect, it } from 'vitest';
import { axeViolations, demoAccount, logIn } from '../support/browser';
import { describeWithBrowser } from '../support/chromium';
import { smokeSession } from '../support/smoke-session';

/**
 * Issue 18 §3 in a real browser: the demo office reads its survey's results on a 375 px phone — the
 * SVG charts (each an image titled in words, with its table), the comments with the hide toggle, and
 * the XLSX download — and axe finds nothing serious on the page.
 */
describeWithBrowser('survey results dashboard (375 × 812, npm start -- --in-memory)', () => {
  const session = smokeSession();

  it('charts, comments and the export on a phone; axe-clean', async () => {
    const office = await session.newContext();
    const page = await office.newPage();
    const account = demoAccount(session.platform.output(), 'institution');
    expect(account, session.platform.output()).not.toBeNull();
    await logIn(page, session.platform.baseUrl, account!);
    const { institutionId, surveyId } = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { user: { institutionId: string } };
      const list = (await (await fetch(`/api/institutions/${me.user.institutionId}/surveys`)).json()) as {
        items: { surveyId: string }[];
      };
      return { institutionId: me.user.institutionId, surveyId: list.items[0]?.surveyId ?? '' };
    });

    // Logged in on a wide screen (the phone's menu folds the log-out button away), read on a phone.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${session.platform.baseUrl}/institution/surveys/${surveyId}`);
    await page.locator('svg[data-chart="trend"]').first().waitFor();
    // Three standard aspects: each a distribution and a trend (the demo's six months), every one titled.
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const title of await page.locator('svg[role="img"] > title').allTextContents())
      expect(title.length).toBeGreaterThan(20);
    expect(await page.locator('svg[data-chart="distribution"] rect').count()).toBeGreaterThan(0);
    const width = await charts.first().evaluate((svg) => svg.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(200);
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // What sticks out, to name it when the page is too wide.
      wide: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > 376)
        .filter((e) => {
          // A wide table inside a scroll region scrolls there: not the page's overflow.
          for (let a = e.parentElement; a; a = a.parentElement)
            if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false;
          return true;
        })
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    }));
    expect(overflow.width, overflow.wide.join('; ')).toBeLessThanOrEqual(375);

    // The comments: the demo has a handful; hiding one turns its button into "Pokaż".
    const comments = page.locator('.survey-comment');
    await comments.first().waitFor();
    expect(await axeViolations(page), 'the results page').toEqual([]);
    const first = comments.first();
    await first.getByRole('button', { name: /^Ukryj/ }).click();
    await expect.poll(() => first.getByRole('button').textContent(), { timeout: 15_000 }).toMatch(/^Pokaż/);

    // The workbook downloads with the session cookie.
    const download = await page.evaluate(
      async ({ institutionId, surveyId }) => {
        const res = await fetch(`/api/institutions/${institutionId}/surveys/${surveyId}/results.xlsx`);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          size: (await res.arrayBuffer()).byteLength,
        };
      },
      { institutionId, surveyId },
    );
    expect(download).toMatchObject({
      status: 200,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(download.size).toBeGreaterThan(1000);
  }, 180_000);
});
