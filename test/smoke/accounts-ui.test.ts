import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, demoAccount, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import { stopPlatform, type RunningPlatform } from '../support/local-process';

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10));
const weighted = (ds: number[], weights: number[]) => ds.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0);

/** A random NIP with a correct check digit (a sum giving 10 has no check digit: draw again). */
function randomNip(): string {
  for (;;) {
    const ds = digits(9);
    const check = weighted(ds, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    if (check !== 10) return [...ds, check].join('');
  }
}

function randomRegon(): string {
  const ds = digits(8);
  return [...ds, (weighted(ds, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10].join('');
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describeWithBrowser('accounts and institutions in the browser (npm start -- --in-memory)', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let member: BrowserContext;
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `sekretariat-${suffix}@gmina.example.pl`;
  const colleague = `kadry-${suffix}@gmina.example.pl`;
  const password = `Pierogi z jagodami ${suffix}`;

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
    member = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('registers an institution: a bad NIP is named at its field first, then valid data goes through', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/register`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Rejestracja instytucji');
    expect(await page.title()).toBe('Rejestracja instytucji — Przyjazny Urząd');

    const fill = async (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values))
        await page.locator(`#register-${name.replace(/\./g, '-')}`).fill(value);
    };
    await fill({
      'institution.name': `Urząd Gminy Testowo ${suffix}`,
      'institution.nip': '1234567890',
      'institution.regon': randomRegon(),
      'institution.website': 'https://www.testowo.example.pl',
      'institution.address.street': 'ul. Rynek 1',
      'institution.address.postalCode': '00-950',
      'institution.address.city': 'Testowo',
      'institution.address.commune': 'Testowo',
      'institution.address.county': 'testowski',
      'institution.contactPerson.name': 'Anna Kowalska',
      'institution.contactPerson.email': email,
      'institution.contactPerson.phone': '+48 22 123 45 67',
      'account.displayName': 'Anna Kowalska',
      'account.email': email,
      'account.password': password,
    });
    await page.selectOption('#register-institution-type', 'municipal_office');
    await page.selectOption('#register-institution-headcount', '41-100');
    await page.selectOption('#register-institution-address-voivodeship', 'mazowieckie');
    await page.getByRole('button', { name: 'Zarejestruj instytucję' }).click();

    // The summary takes focus and links to the field; the field says what is wrong and is marked invalid.
    const nip = page.locator('#register-institution-nip');
    await expect.poll(() => nip.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const errorId = (await nip.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(await page.locator(`#${errorId}`).textContent()).toContain('Nieprawidłowy NIP');
    await page.locator('.error-summary a', { hasText: 'NIP' }).click();
    expect(await activeId(page)).toBe('register-institution-nip');

    await nip.fill(randomNip());
    await page.getByRole('button', { name: 'Zarejestruj instytucję' }).click();
    await expect.poll(() => page.locator('.notice.success').textContent()).toContain(email);
    await page.close();
  });

  it('confirms the e-mail with the link from the local outbox', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/outbox`);
    const mail = page.locator(`article[data-to="${email}"]`).first();
    await mail.waitFor();
    await mail.locator('a[href*="/verify-email?token="]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Potwierdzenie adresu e-mail');
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
      .toContain('Adres e-mail został potwierdzony');
    await page.close();
  });

  it('logs in with the keyboard alone: Tab through the form, Enter submits', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole('link', { name: 'Zaloguj się' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Logowanie');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1'); // focus moved to the new page
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('login-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('login-password');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    // An institution lands on its applications: the open editions, their deadlines, what to do next.
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Zgłoszenia konkursowe');
    expect(new URL(page.url()).pathname).toBe('/applications');
    expect(await page.locator('.account-name').textContent()).toContain('Anna Kowalska');
    await page.close();
  });

  it('edits the institution profile; a save over someone else’s change keeps the edits and offers a reload', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/institution`);
    const name = page.locator('#profile-name');
    await expect.poll(() => name.inputValue()).toBe(`Urząd Gminy Testowo ${suffix}`);
    await name.fill(`Urząd Miasta i Gminy Testowo ${suffix}`);
    await page.locator('#profile-contactPerson-phone').fill('22 765 43 21');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await expect
      .poll(() => page.locator('form#profile [role="status"]').textContent())
      .toBe('Zapisano zmiany w profilu instytucji.');

    await page.reload();
    await expect.poll(() => page.locator('#profile-name').inputValue()).toBe(`Urząd Miasta i Gminy Testowo ${suffix}`);
    expect(await page.locator('#profile-contactPerson-phone').inputValue()).toBe('22 765 43 21');

    // Another tab saves first; this tab's save is refused and its edits stay in the form.
    const other = await member.newPage();
    await other.goto(`${platform.baseUrl}/institution`);
    await expect.poll(() => other.locator('#profile-name').inputValue()).toBe(`Urząd Miasta i Gminy Testowo ${suffix}`);
    await other.locator('#profile-address-street').fill('ul. Rynek 2');
    await other.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await expect
      .poll(() => other.locator('form#profile [role="status"]').textContent())
      .toBe('Zapisano zmiany w profilu instytucji.');
    await other.close();

    await page.locator('#profile-address-city').fill('Nowe Testowo');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Ktoś zapisał zmiany w międzyczasie');
    expect(await page.locator('#profile-address-city').inputValue()).toBe('Nowe Testowo');
    await page.getByRole('button', { name: 'Wczytaj aktualne dane' }).click();
    await expect.poll(() => page.locator('#profile-address-street').inputValue()).toBe('ul. Rynek 2');
    expect(await page.locator('#profile-address-city').inputValue()).toBe('Testowo');
    expect(await page.locator('.error-summary').count()).toBe(0);
    await page.close();
  });

  it('invites a colleague (a double click sends once), who is listed as invited', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/institution`);
    await page.locator('#members-title').waitFor();
    await page.locator('#invite-displayName').fill('Jan Nowak');
    await page.locator('#invite-email').fill(colleague);
    // A double click sends one request: a second would have answered "e-mail already taken".
    const invitations: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/members') && invitations.push(r.url()));
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).dblclick();
    await expect
      .poll(() => page.locator('form#invite [role="status"]').textContent())
      .toBe(`Wysłano zaproszenie do ${colleague}.`);
    await page.waitForLoadState('networkidle');
    expect(invitations).toHaveLength(1);
    expect(await page.locator('form#invite .error-summary').count()).toBe(0);
    await expect.poll(() => page.locator(`tr[data-email="${colleague}"]`).textContent()).toContain('zaproszony');
    await page.reload();
    await expect.poll(() => page.locator(`tr[data-email="${colleague}"]`).textContent()).toContain('zaproszony');
    await page.close();
  });

  it('has no serious or critical axe-core violations on the member’s pages', async () => {
    const page = await member.newPage();
    for (const [path, ready] of [
      ['/institution', '#profile-name'],
      ['/account', '#account-displayName'],
    ] as const) {
      await page.goto(`${platform.baseUrl}${path}`);
      await page.locator(ready).waitFor();
      await page
        .locator(`tr[data-email]`)
        .first()
        .waitFor({ timeout: path === '/institution' ? 10_000 : 1 })
        .catch(() => undefined);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('logs out: the header offers logging in again and the session is gone', async () => {
    const page = await member.newPage();
    await page.goto(`${platform.baseUrl}/account`);
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Logowanie');
    await expect.poll(() => page.locator('main [role="status"]').first().textContent()).toBe('Wylogowano.');
    expect(await page.getByRole('link', { name: 'Zaloguj się' }).count()).toBe(1);
    expect((await page.request.get(`${platform.baseUrl}/api/me`)).status()).toBe(401);
    // A page for members now sends the visitor to the login page, and back after.
    await page.goto(`${platform.baseUrl}/institution`);
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).search)
      .toBe('/login?next=%2Finstitution');
    await page.close();
  });

  it('has no serious or critical axe-core violations on the public account pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // An anonymous visitor's pages do not ask /api/me (no 401 in the console): no signed-in hint cookie.
    const askedMe: string[] = [];
    const unauthorized: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/me') askedMe.push(page.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('401')) unauthorized.push(m.text());
    });
    for (const path of [
      '/',
      '/register',
      '/login',
      '/forgot-password',
      '/reset-password?token=x',
      '/verify-email',
      '/outbox',
      '/no-such-page',
    ]) {
      await page.goto(`${platform.baseUrl}${path}`);
      await page.locator('h1').waitFor();
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(askedMe).toEqual([]);
    expect(unauthorized).toEqual([]);
    // A failed submit too: the summary, the invalid fields and their messages.
    await page.goto(`${platform.baseUrl}/register`);
    await page.getByRole('button', { name: 'Zarejestruj instytucję' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await axeViolations(page), '/register with errors').toEqual([]);
    await context.close();
  });

  it('organizer: lists users by role, deactivates and reactivates an account, reads the audit log', async () => {
    // A missing demo organizer fails here rather than skipping: the seed is part of the product.
    const demo = demoAccount(platform.output(), 'organizer');
    expect(demo, platform.output()).not.toBeNull();
    const { email: organizerEmail, password: organizerPassword } = demo!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.locator('#login-email').fill(organizerEmail);
    await page.locator('#login-password').fill(organizerPassword);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    // An organizer lands on the editions and their state; the users are one link away.
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Edycje konkursu');
    await page.getByRole('link', { name: 'Użytkownicy' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Użytkownicy');

    const row = page.locator(`tr[data-email="${colleague}"]`);
    await row.waitFor();
    expect(await axeViolations(page), '/organizer/users').toEqual([]);
    await row.getByRole('button', { name: /Dezaktywuj/ }).click();
    await row.getByRole('button', { name: 'Tak, dezaktywuj' }).click();
    await expect.poll(() => row.textContent()).toContain('dezaktywowany');
    await row.getByRole('button', { name: /Przywróć/ }).click();
    await row.getByRole('button', { name: 'Tak, przywróć' }).click();
    await expect.poll(() => row.textContent()).toContain('zaproszony');

    await page.getByRole('link', { name: 'Eksperci' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?role=expert');
    await page.locator('#expert-displayName').fill('dr Ewa Zielińska');
    await page.locator('#expert-email').fill(`ekspert-${suffix}@uczelnia.example.pl`);
    await page.locator('#expert-affiliation').fill('Uniwersytet Testowy');
    await page.selectOption('#expert-voivodeship', 'małopolskie');
    await page.locator('#expert-expertise').fill('obsługa klienta, dostępność');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await expect.poll(() => page.locator(`tr[data-email="ekspert-${suffix}@uczelnia.example.pl"]`).count()).toBe(1);

    await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dziennik zdarzeń');
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Rejestracja instytucji');
    expect(await page.locator('table').first().textContent()).toContain('Dezaktywacja konta');
    expect(await axeViolations(page), '/organizer/audit').toEqual([]);
    await context.close();
  });

  it('the invited colleague accepts through the mailed link, is signed in and lands on the institution’s applications', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/outbox`);
    const mail = page.locator(`article[data-to="${colleague}"]`).first();
    await mail.waitFor();
    await mail.locator('a[href*="/accept-invitation?token="]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Przyjęcie zaproszenia');
    await page.locator('#accept-password').fill('za krótkie');
    await page.getByRole('button', { name: 'Aktywuj konto' }).click();
    await expect.poll(() => page.locator('#accept-password').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), '/accept-invitation with errors').toEqual([]);
    await page.locator('#accept-password').fill(`Kadry i płace ${suffix}`);
    await page.getByRole('button', { name: 'Aktywuj konto' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Zgłoszenia konkursowe');
    expect(await page.locator('.account-name').textContent()).toContain('Jan Nowak');
    await context.close();
  });

  it('resets a forgotten password in English: server messages follow the language switch', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in');
    await page.locator('#login-email').fill(colleague);
    await page.locator('#login-password').fill('not the password at all');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Incorrect e-mail address or password.');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.locator('#forgot-email').fill(colleague);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect
      .poll(() => page.locator('form#forgot [role="status"]').textContent())
      .toContain('If an account with this address exists');

    await page.goto(`${platform.baseUrl}/outbox`);
    const mail = page
      .locator(`article[data-to="${colleague}"]`, { has: page.locator('a[href*="/reset-password?token="]') })
      .first();
    await mail.waitFor();
    await mail.locator('a[href*="/reset-password?token="]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Set a new password');
    await page.locator('#reset-password').fill(`Nowe hasło do kadr ${suffix}`);
    await page.getByRole('button', { name: 'Set the password' }).click();
    // The new password is hashed with the production scrypt cost: on a loaded machine that takes seconds.
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('Your password has been changed');
    await page.getByRole('link', { name: 'Go to the login page' }).click();
    await page.locator('#login-email').fill(colleague);
    await page.locator('#login-password').fill(`Nowe hasło do kadr ${suffix}`);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Contest applications');
    await context.close();
  });
});
