/**
 * `npm start`: the whole platform on one laptop. DynamoDB Local (Java 17+) + the table from the
 * shared definition + the Hono app + the built web UI on http://localhost:3000.
 * Flags: --in-memory (throwaway data), --port N (default 3000, or $PORT).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServerType } from '@hono/node-server';
import { readConfig } from '../../shared/config';
import { createApp } from '../../shared/http/app';
import { jsonLogger } from '../../shared/platform/logger';
import { AnswerStreamPoller } from './answer-stream-poller';
import { startDynamoDbLocal, type StartOptions } from './dynamodb-local';
import { DynamoDbSupervisor } from './dynamodb-supervisor';
import { ensureTable } from './ensure-table';
import { seedDemo, type DemoAccount } from './demo-seed';
import { checkJava } from './java';
import { LOCAL_TABLE_NAME, localDeps } from './local-deps';
import { listen, localServer } from './server';
import { buildWeb, webBuildIsStale } from './web-build';

const TABLE_NAME = LOCAL_TABLE_NAME;
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** What is running, so a signal at any moment — even mid-start — stops exactly that. */
const running: {
  db?: { stop(): Promise<void> };
  server?: ServerType;
  tempDir?: string;
  timer?: NodeJS.Timeout;
  answerStream?: AnswerStreamPoller;
  stopping: boolean;
} = {
  stopping: false,
};

/**
 * Stops what runs, once. A repeated signal is ignored rather than cutting the shutdown short: npm
 * forwards Ctrl-C to its child, which also gets it from the terminal, so two SIGINTs are normal.
 */
async function shutdown(code: number): Promise<void> {
  if (running.stopping) return;
  running.stopping = true;
  console.log('\nStopping…');
  if (running.timer) clearInterval(running.timer);
  running.server?.close();
  await running.answerStream?.stop();
  await running.db?.stop();
  if (running.tempDir) rmSync(running.tempDir, { recursive: true, force: true });
  if (running.db) console.log('DynamoDB Local stopped. Bye.');
  process.exit(code);
}

// Installed before anything starts: a Ctrl-C while the JVM boots must still stop it.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'in-memory': { type: 'boolean', default: false }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const config = readConfig(values.port ? { ...process.env, PORT: values.port } : process.env);
  const inMemory = values['in-memory'] === true;
  const port = config.port;
  if (port > 65535) throw new Error(`--port must be a TCP port, got ${port}`);

  const java = checkJava();
  if (!java.ok) {
    console.error(java.message);
    process.exit(1);
  }

  const dataDir = resolve('.data');
  mkdirSync(dataDir, { recursive: true });

  if (webBuildIsStale()) {
    console.log('Building the web UI (web/ → web/dist)…');
    await buildWeb();
  }

  const dbOptions: StartOptions = inMemory
    ? {}
    : { dbPath: join(dataDir, 'dynamodb'), pidFile: join(dataDir, 'dynamodb.pid') };
  const first = await startDynamoDbLocal(dbOptions);
  running.db = first;
  if (running.stopping) return;
  if (inMemory) running.tempDir = mkdtempSync(join(tmpdir(), 'przyjazny-urzad-'));
  const credentialsFile = inMemory ? undefined : join(dataDir, 'demo-credentials.json');
  // A JVM that dies (killed, crashed) is started again on the same port, so the app's client follows.
  const db = new DynamoDbSupervisor(first, {
    start: () => startDynamoDbLocal({ ...dbOptions, port: first.port }),
    prepare: async () => {
      await ensureTable(deps.dynamo, TABLE_NAME);
      const demo = await seedDemo(deps, credentialsFile);
      if (inMemory) console.log(demoLines(demo).join('\n'));
    },
    inMemory,
    log: (line) => console.error(line),
    giveUp: (message) => {
      console.error(message);
      void shutdown(1);
    },
  });
  running.db = db;
  const deps = localDeps({
    endpoint: first.endpoint,
    tableName: TABLE_NAME,
    dataDir: inMemory ? undefined : dataDir,
    blobDir: running.tempDir ?? join(dataDir, 'blobs'),
    logger: jsonLogger(config.logLevel),
    maxBodyBytes: config.maxBodyBytes,
    port,
    databaseOutage: db.outageReason,
  });
  const table = await ensureTable(deps.dynamo, TABLE_NAME);
  if (running.stopping) return;
  const demo = await seedDemo(deps, credentialsFile);
  if (running.stopping) return;
  running.server = await listen(localServer(createApp(deps)), port);
  // The cloud's stream → Lambda, locally: survey answers are counted from the table's stream every second.
  running.answerStream = new AnswerStreamPoller({
    dynamo: deps.dynamo,
    endpoint: first.endpoint,
    tableName: TABLE_NAME,
    deps,
  });
  running.answerStream.start();
  // The cloud's hourly EventBridge rule, locally: the same job through the same queue and worker
  // (mailing each expert at most once per reminder point, however often it runs). Once now, then hourly.
  const remind = () => void deps.jobs.send({ type: 'scoring.reminders' });
  remind();
  running.timer = setInterval(remind, REMINDER_INTERVAL_MS);
  running.timer.unref();

  console.log(
    [
      '',
      'Przyjazny Urząd — local platform is running',
      `  Web UI:        http://localhost:${port}/`,
      `  API health:    http://localhost:${port}/api/health`,
      `  API docs:      http://localhost:${port}/api/docs`,
      `  DynamoDB Local ${db.current.endpoint} (pid ${db.current.pid}), table "${TABLE_NAME}" ${table}`,
      `  Data:          ${inMemory ? 'in memory (discarded on exit)' : `${dataDir} (kept between runs)`}`,
      ...demoLines(demo),
      `  E-mails:       written to the outbox, readable at http://localhost:${port}/outbox`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

function demoLines(demo: DemoAccount[]): string[] {
  return demo.length > 0
    ? [
        '  Demo accounts (log in at /login):',
        ...demo.map((a) => `    ${a.role.padEnd(12)} ${a.email.padEnd(36)} password: ${a.password}`),
      ]
    : ['  Demo accounts: none (seeded on the first start of a data folder; delete .data/ to start afresh)'];
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
