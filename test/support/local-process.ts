export { isAlive } from '../../infra/local/dynamodb-local';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface RunningPlatform {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
  dynamoPid: number;
  dynamoEndpoint: string;
}

/** Starts the local platform as a person would and waits for the "running" banner and /api/health. */
export async function startPlatform(
  command: string,
  args: string[],
  options: { cwd: string; port: number; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningPlatform> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, like a terminal job: Ctrl-C reaches npm, tsx and node alike
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The platform exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The platform did not start in time:\n${output}`);
    const match = /DynamoDB Local (http:\/\/127\.0\.0\.1:\d+) \(pid (\d+)\)/.exec(output);
    if (match) {
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok)
        return { child, output: () => output, baseUrl, dynamoEndpoint: match[1] ?? '', dynamoPid: Number(match[2]) };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Sends the signal (to the whole process group for SIGINT, like Ctrl-C) and waits for the exit. */
export async function stopPlatform(
  platform: RunningPlatform,
  signal: 'SIGINT' | 'SIGTERM',
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { child } = platform;
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, sig) => r({ code, signal: sig })),
  );
  if (signal === 'SIGINT' && child.pid) process.kill(-child.pid, 'SIGINT');
  else child.kill(signal);
  return exited;
}

/** Every running DynamoDB Local JVM (pid → command line), read from /proc. */
export function dynamoDbLocalProcesses(): Map<number, string> {
  const found = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes('DynamoDBLocal.jar')) found.set(Number(entry), cmdline);
    } catch {
      // process ended while we looked
    }
  }
  return found;
}
