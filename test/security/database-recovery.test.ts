import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { freePort, localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { repo } from '../support/browser';
import { isAlive, startPlatform, type RunningPlatform } from '../support/local-process';
import { parseJson, send, sendJson } from '../support/loopback-client';
import { jvmPids, latestDemoAccount, platformPerFile, stopAndCheckNoJvmLeft } from '../support/security-platform';

/**
 * Issue 11, item 9: killing DynamoDB Local's JVM used to leave `npm start` answering 503 forever,
 * without a word in its log. It must notice, say so, start the JVM again (bounded tries) and say why
 * /api/health fails meanwhile; Ctrl-C afterwards still leaves no java process.
 */
const Health = z.object({ status: z.string(), reason: z.optional(z.string()) });

/** Waits (bounded) until the platform has printed `text`: the kill has been noticed. */
async function printed(platform: RunningPlatform, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!platform.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`the platform did not print "${text}":\n${platform.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls /api/health (bounded) until it answers 200, keeping every 503's reason on the way. */
async function healthUntilRecovered(
  baseUrl: string,
  timeoutMs: number,
): Promise<{ recovered: boolean; reasons: string[] }> {
  const reasons: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reply = await send(`${baseUrl}/api/health`, { timeoutMs: 10_000 }).catch(() => null);
    if (reply?.status === 200) return { recovered: true, reasons };
    if (reply?.status === 503) reasons.push(parseJson(reply, Health).reason ?? '(no reason)');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { recovered: false, reasons };
}

describe('npm start -- --in-memory, when the DynamoDB Local JVM is killed', () => {
  const platform = platformPerFile();

  it('logs it, says why in /api/health, restarts the JVM with a fresh table and demo data', async () => {
    const first = platform().dynamoPid;
    process.kill(first); // SIGTERM, as `kill <pid>` would
    await printed(platform(), `DynamoDB Local (pid ${first}) was killed by SIGTERM unexpectedly.`);
    const { recovered, reasons } = await healthUntilRecovered(platform().baseUrl, 60_000);
    expect(recovered, platform().output()).toBe(true);
    expect(
      reasons.some((r) => r.includes(`DynamoDB Local (pid ${first}) was killed by SIGTERM`)),
      reasons.join('\n'),
    ).toBe(true);

    const output = platform().output();
    expect(output).toContain(`DynamoDB Local (pid ${first}) was killed by SIGTERM unexpectedly.`);
    expect(output).toContain('The in-memory data is lost');
    expect(output).toMatch(/Restarting DynamoDB Local \(try 1 of \d\)/);
    const [, restarted = 0, ...more] = jvmPids(output);
    expect(jvmPids(output)[0]).toBe(first);
    expect(restarted, output).toBeGreaterThan(0);
    expect(more).toEqual([]);
    expect(isAlive(first)).toBe(false);
    expect(isAlive(restarted)).toBe(true);

    // The database is usable again: the demo accounts printed after the restart log in.
    const organizer = latestDemoAccount(output, 'organizer');
    expect(organizer).not.toBeNull();
    const login = await sendJson(`${platform().baseUrl}/api/auth/login`, organizer);
    expect(login.status, login.body).toBe(200);
  });
});

describe('npm start with .data/, when the DynamoDB Local JVM is killed', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'pu-recover-'));
  let running: RunningPlatform | undefined;
  afterAll(async () => {
    if (running) await stopAndCheckNoJvmLeft(running);
    rmSync(cwd, { recursive: true, force: true });
  }, 60_000);

  it('comes back on the same endpoint with the data kept', async () => {
    const port = await freePort();
    const tsx = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
    running = await startPlatform(
      process.execPath,
      ['--import', tsx, join(repo, 'infra/local/start.ts'), '--port', String(port)],
      { cwd, port },
    );
    const key = { pk: 'SECURITY', sk: 'KEPT' };
    const write = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: running.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
    );
    await write.send(new PutCommand({ TableName: 'przyjazny-urzad', Item: { ...key, value: 'still here' } }));
    write.destroy();

    process.kill(running.dynamoPid);
    await printed(running, 'The data in .data/ is kept.');
    const { recovered, reasons } = await healthUntilRecovered(running.baseUrl, 60_000);
    expect(recovered, running.output()).toBe(true);
    expect(reasons.length, 'no 503 seen while DynamoDB Local was down').toBeGreaterThan(0);
    expect(running.output()).toMatch(/DynamoDB Local restarted: http:\/\/127\.0\.0\.1:\d+ \(pid \d+\), data kept\./);

    const read = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: running.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
    );
    const got = await read.send(new GetCommand({ TableName: 'przyjazny-urzad', Key: key, ConsistentRead: true }));
    read.destroy();
    expect(got.Item?.value).toBe('still here');
  });
});
