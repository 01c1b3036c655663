import { afterAll, beforeAll } from 'vitest';
import { startInMemoryPlatform } from './browser';
import { isAlive, stopPlatform, type RunningPlatform } from './local-process';

/**
 * The security project's platform: `npm start -- --in-memory --port <free port>`, once per test file
 * (started in beforeAll, Ctrl-C in afterAll). At the end no DynamoDB Local JVM it ever printed — the
 * first, or one restarted after a probe killed it — may still run.
 */
export function platformPerFile(): () => RunningPlatform {
  let platform: RunningPlatform | undefined;
  beforeAll(async () => {
    platform = await startInMemoryPlatform();
  }, 180_000);
  afterAll(async () => {
    if (!platform) return;
    await stopAndCheckNoJvmLeft(platform);
  }, 60_000);
  return () => {
    if (!platform) throw new Error('the platform did not start (see beforeAll)');
    return platform;
  };
}

/** Ctrl-C, then fails unless every JVM the platform printed has ended within 15 s. */
export async function stopAndCheckNoJvmLeft(platform: RunningPlatform): Promise<void> {
  const pids = jvmPids(platform.output());
  await stopPlatform(platform, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const left = pids.filter(isAlive);
  if (left.length > 0) throw new Error(`DynamoDB Local still runs after Ctrl-C: pid ${left.join(', ')}`);
}

/** Every DynamoDB Local JVM pid the platform printed: at start and after each restart. */
export function jvmPids(output: string): number[] {
  return [...new Set([...output.matchAll(/DynamoDB Local[^\n]*\(pid (\d+)\)/g)].map((m) => Number(m[1])))];
}

/** The demo account as last printed (an in-memory restart seeds new ones), or null. */
export function latestDemoAccount(
  output: string,
  role: 'organizer' | 'institution' | 'expert',
): { email: string; password: string } | null {
  const all = [...output.matchAll(new RegExp(`${role}\\s+(\\S+@\\S+)\\s+password: (\\S+)`, 'g'))];
  const last = all.at(-1);
  return last ? { email: last[1] ?? '', password: last[2] ?? '' } : null;
}

/** A unique-enough tag for e-mails and names made by one probe run. */
export const runTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
