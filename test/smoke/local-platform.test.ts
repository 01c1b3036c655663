import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { axeViolations, demoAccount, startInMemoryPlatform } from '../support/browser';
import { describeWithBrowser, launchChromium } from '../support/chromium';
import {
  dynamoDbLocalProcesses,
  isAlive,
  startPlatform,
  stopPlatform,
  type RunningPlatform,
} from '../support/local-process';

const repo = resolve(import.meta.dirname, '../..');
const startScript = join(repo, 'infra/local/start.ts');

describeWithBrowser('npm start -- --in-memory, in Chromium', () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startInMemoryPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform, 'SIGINT');
  });

  it('prints what it started', () => {
    expect(platform.output()).toContain(`Web UI:        http://localhost:`);
    expect(platform.output()).toContain('in memory');
  });

  it('renders the home page, which reads /api/health through the typed client', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Konkurs jakości obsługi w instytucjach publicznych');
    await page.locator('[data-health="ok"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    await page.close();
  });

  it('is keyboard-usable: the first Tab reaches the skip link, which moves focus to main', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Przejdź do treści');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('switches to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Customer-service quality award for public institutions');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Customer-service quality award for public institutions');
    await page.getByRole('button', { name: 'Przełącz na język polski' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pl');
    await page.close();
  });

  it('has no serious or critical axe-core violations (home page and API docs)', async () => {
    // The API docs page forbids all scripts by CSP; axe is injected with CSP bypassed for the audit only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/', '/api/docs']) {
      await page.goto(`${platform.baseUrl}${path}`);
      await page.locator('h1').waitFor();
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  it('serves the SPA for client-side paths and JSON for unknown API paths', async () => {
    const spa = await fetch(`${platform.baseUrl}/some/page`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root">');
    const api = await fetch(`${platform.baseUrl}/api/nope`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('Ctrl-C stops everything and leaves no java process', async () => {
    const { dynamoPid } = platform;
    expect(isAlive(dynamoPid)).toBe(true);
    const { code, signal } = await stopPlatform(platform, 'SIGINT');
    // npm re-raises the signal on itself after its script ends, as a shell expects of Ctrl-C.
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    await expect.poll(() => platform.output(), { timeout: 10_000 }).toContain('DynamoDB Local stopped.');
    await expect.poll(() => isAlive(dynamoPid), { timeout: 10_000 }).toBe(false);
    expect([...dynamoDbLocalProcesses().keys()]).not.toContain(dynamoPid);
  });
});

describe('local stack lifecycle (no browser needed)', () => {
  const tsx = ['--import', pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href, startScript];
  const startIn = async (cwd: string, extra: string[] = []) => {
    const port = await freePort();
    return startPlatform(process.execPath, [...tsx, '--port', String(port), ...extra], { cwd, port });
  };

  it('a second start reuses .data/; SIGTERM stops the JVM each time', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pu-start-'));
    const first = await startIn(cwd);
    expect(first.output()).toMatch(/table "przyjazny-urzad" created/);
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: first.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
    );
    await doc.send(
      new PutCommand({ TableName: 'przyjazny-urzad', Item: { pk: 'SMOKE', sk: 'PERSISTED', value: 'kept' } }),
    );
    doc.destroy();
    expect(await stopPlatform(first, 'SIGTERM')).toEqual({ code: 0, signal: null });
    await expect.poll(() => isAlive(first.dynamoPid), { timeout: 10_000 }).toBe(false);

    const demo = demoAccount(first.output(), 'organizer');
    expect(demo, first.output()).not.toBeNull();

    const second = await startIn(cwd);
    expect(second.output()).toMatch(/table "przyjazny-urzad" reused/);
    // The demo accounts are seeded once; every start prints the same credentials, and they work.
    expect(second.output()).toContain(demo!.email);
    expect(second.output()).toContain(`password: ${demo!.password}`);
    const login = await fetch(`${second.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demo!.email, password: demo!.password }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/^session=.*HttpOnly.*SameSite=Lax/); // plain-http localhost: no Secure

    // create-organizer writes through the running platform's DynamoDB Local…
    const cli = [...tsx.slice(0, 2), join(repo, 'infra/cli/create-organizer.ts')];
    const created = spawnSync(process.execPath, [...cli, '--email', 'nowy.organizator@example.org'], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/accept-invitation\?token=/);
    const outbox = (await (await fetch(`${second.baseUrl}/api/dev/outbox`)).json()) as { items: { to: string }[] };
    expect(outbox.items.map((m) => m.to)).toContain('nowy.organizator@example.org');
    const doc2 = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: second.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
    );
    const got = await doc2.send(
      new GetCommand({ TableName: 'przyjazny-urzad', Key: { pk: 'SMOKE', sk: 'PERSISTED' } }),
    );
    doc2.destroy();
    expect(got.Item?.value).toBe('kept');

    // A second platform on the same .data/ is refused and does not disturb the first.
    const clash = spawnSync(process.execPath, [...tsx, '--port', String(await freePort())], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('Another platform');
    expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200);

    expect(await stopPlatform(second, 'SIGTERM')).toEqual({ code: 0, signal: null });
    await expect.poll(() => isAlive(second.dynamoPid), { timeout: 10_000 }).toBe(false);

    // …and, with no platform running, starts DynamoDB Local on .data/ for the moment it runs.
    const again = spawnSync(process.execPath, [...cli, '--email', 'NOWY.organizator@example.org'], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const bad = spawnSync(process.execPath, [...cli, '--email', 'not-an-address'], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run create-organizer');
  });

  it('SIGTERM to the npm process itself stops tsx, node and the JVM', async () => {
    const port = await freePort();
    const platform = await startPlatform('npm', ['start', '--', '--in-memory', '--port', String(port)], {
      cwd: repo,
      port,
    });
    platform.child.kill('SIGTERM'); // the npm pid only, as a process manager would
    await new Promise<void>((r) => platform.child.once('exit', () => r()));
    await expect.poll(() => isAlive(platform.dynamoPid), { timeout: 15_000 }).toBe(false);
    await expect
      .poll(
        () =>
          fetch(`${platform.baseUrl}/api/health`).then(
            () => 'answering',
            () => 'closed',
          ),
        { timeout: 15_000 },
      )
      .toBe('closed');
  });

  it('even SIGKILL of the platform takes the JVM down (watchdog)', async () => {
    const platform = await startIn(mkdtempSync(join(tmpdir(), 'pu-kill-')), ['--in-memory']);
    expect(isAlive(platform.dynamoPid)).toBe(true);
    platform.child.kill('SIGKILL');
    await expect.poll(() => isAlive(platform.dynamoPid), { timeout: 15_000 }).toBe(false);
    expect([...dynamoDbLocalProcesses().keys()]).not.toContain(platform.dynamoPid);
  });

  it('without Java it says so in one clear line with the install hint', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', startScript, '--in-memory'], {
      cwd: repo,
      env: { ...process.env, PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    const lines = out.stderr
      .trim()
      .split('\n')
      .filter((l) => !/NodeVersionSupportWarning|^\s*$/.test(l));
    expect(lines.find((l) => l.startsWith('Java not found.'))).toMatch(/Java 17\+ is required.*apt-get install/);
  });
});
