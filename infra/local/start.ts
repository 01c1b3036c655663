/**
 * `npm start`: the whole platform on one laptop. DynamoDB Local (Java 17+) + the table from the
 * shared definition + the Hono app + the built web UI on http://localhost:3000.
 * Flags: --in-memory (throwaway data), --port N (default 3000, or $PORT).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../shared/http/app';
import { jsonLogger } from '../../shared/platform/logger';
import { startDynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './ensure-table';
import { checkJava } from './java';
import { localDeps } from './local-deps';
import { listen, localServer } from './server';
import { buildWeb, webBuildIsStale } from './web-build';

const TABLE_NAME = 'przyjazny-urzad';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'in-memory': { type: 'boolean', default: false }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const inMemory = values['in-memory'] === true;
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port must be a TCP port, got ${values.port}`);

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

  const db = await startDynamoDbLocal({
    dbPath: inMemory ? undefined : join(dataDir, 'dynamodb'),
    pidFile: join(dataDir, 'dynamodb.pid'),
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    server?.close();
    await db.stop();
    console.log('DynamoDB Local stopped. Bye.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  let server: Awaited<ReturnType<typeof listen>> | undefined;

  try {
    const deps = localDeps({
      endpoint: db.endpoint,
      tableName: TABLE_NAME,
      dataDir: inMemory ? undefined : dataDir,
      blobDir: inMemory ? join(tmpdir(), `przyjazny-urzad-blobs-${process.pid}`) : join(dataDir, 'blobs'),
      logger: jsonLogger(process.env.LOG_LEVEL ?? 'info'),
    });
    const created = await ensureTable(deps.dynamo, TABLE_NAME);
    const app = createApp(deps);
    server = await listen(localServer(app), port);

    console.log(
      [
        '',
        'Przyjazny Urząd — local platform is running',
        `  Web UI:        http://localhost:${port}/`,
        `  API health:    http://localhost:${port}/api/health`,
        `  API docs:      http://localhost:${port}/api/docs`,
        `  DynamoDB Local ${db.endpoint} (pid ${db.pid}), table "${TABLE_NAME}" ${created ? 'created' : 'reused'}`,
        `  Data:          ${inMemory ? 'in memory (discarded on exit)' : `${dataDir} (kept between runs)`}`,
        '  Stop with Ctrl-C.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
