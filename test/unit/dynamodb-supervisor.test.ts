import { describe, expect, it } from 'vitest';
import type { DynamoDbLocal, JvmExit } from '../../infra/local/dynamodb-local';
import { DynamoDbSupervisor, type SupervisorOptions } from '../../infra/local/dynamodb-supervisor';

/** A DynamoDB Local stand-in whose JVM the test can "kill". */
function fakeDb(pid: number) {
  let die: (exit: JvmExit) => void = () => {};
  const exited = new Promise<JvmExit>((r) => {
    die = r;
  });
  const state = { stopped: false };
  const db: DynamoDbLocal = {
    endpoint: 'http://127.0.0.1:8000',
    port: 8000,
    pid,
    exited,
    stop: async () => {
      state.stopped = true;
      die({ code: 143, signal: null });
    },
  };
  return { db, state, kill: (signal: NodeJS.Signals = 'SIGKILL') => die({ code: null, signal }) };
}

/** Waits until the supervisor's background work has settled (it runs on promise callbacks only). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

function supervise(first: DynamoDbLocal, overrides: Partial<SupervisorOptions> = {}) {
  const log: string[] = [];
  const gaveUp: string[] = [];
  const sleeps: number[] = [];
  const started: ReturnType<typeof fakeDb>[] = [];
  let nextPid = 200;
  const supervisor = new DynamoDbSupervisor(first, {
    start: async () => {
      const db = fakeDb(nextPid++);
      started.push(db);
      return db.db;
    },
    prepare: async () => {},
    inMemory: true,
    log: (line) => log.push(line),
    giveUp: (message) => gaveUp.push(message),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { supervisor, log, gaveUp, sleeps, started };
}

describe('DynamoDB Local supervisor (npm start)', () => {
  it('restarts a JVM that died, logging each step, and names the outage meanwhile', async () => {
    const first = fakeDb(100);
    let outageDuringPrepare: string | null = null;
    const run = supervise(first.db, {
      prepare: async () => {
        outageDuringPrepare = run.supervisor.outageReason();
      },
    });
    expect(run.supervisor.outageReason()).toBeNull();
    first.kill('SIGTERM');
    await settle();
    expect(outageDuringPrepare).toBe('DynamoDB Local (pid 100) was killed by SIGTERM; restarting it (try 1 of 3)');
    expect(run.supervisor.outageReason()).toBeNull();
    expect(run.supervisor.current.pid).toBe(200);
    expect(run.log).toEqual([
      'DynamoDB Local (pid 100) was killed by SIGTERM unexpectedly. The in-memory data is lost: the table and the demo data are created afresh.',
      'Restarting DynamoDB Local (try 1 of 3)…',
      'DynamoDB Local restarted: http://127.0.0.1:8000 (pid 200), with an empty in-memory database.',
    ]);
    expect(first.state.stopped).toBe(true); // the dead one's watchdog and lock are released
    expect(run.gaveUp).toEqual([]);
  });

  it('says the data is kept for a .data/ database, and supervises the new JVM too', async () => {
    const first = fakeDb(100);
    const run = supervise(first.db, { inMemory: false });
    first.kill();
    await settle();
    expect(run.log[0]).toBe('DynamoDB Local (pid 100) was killed by SIGKILL unexpectedly. The data in .data/ is kept.');
    run.started[0]?.kill();
    await settle();
    expect(run.supervisor.current.pid).toBe(201);
  });

  it('gives up after three failed tries, with growing pauses, and says so', async () => {
    const first = fakeDb(100);
    let tries = 0;
    const run = supervise(first.db, {
      start: async () => {
        tries++;
        throw new Error('DynamoDB Local did not answer on http://127.0.0.1:8000 within 30000 ms\njava output…');
      },
    });
    first.kill();
    await settle();
    expect(tries).toBe(3);
    expect(run.sleeps).toEqual([1000, 2000]);
    expect(run.log.filter((l) => l.includes('failed'))).toHaveLength(3);
    expect(run.gaveUp).toEqual([
      'DynamoDB Local could not be restarted after 3 tries (last: DynamoDB Local did not answer on http://127.0.0.1:8000 within 30000 ms). Stopping the platform; start it again with npm start.',
    ]);
    expect(run.supervisor.outageReason()).toBe(run.gaveUp[0]);
  });

  it('stops a JVM that started but could not be prepared, before the next try', async () => {
    const first = fakeDb(100);
    let prepared = 0;
    const run = supervise(first.db, {
      prepare: async () => {
        prepared++;
        if (prepared === 1) throw new Error('table creation failed');
      },
    });
    first.kill();
    await settle();
    expect(run.started.map((s) => s.state.stopped)).toEqual([true, false]);
    expect(run.supervisor.current.pid).toBe(201);
  });

  it('a JVM that keeps dying is a crash loop: no sixth restart within ten minutes', async () => {
    let now = 0;
    const first = fakeDb(100);
    const run = supervise(first.db, { now: () => now });
    first.kill();
    await settle();
    for (let i = 0; i < 4; i++) {
      now += 60_000;
      run.started.at(-1)?.kill();
      await settle();
    }
    expect(run.started).toHaveLength(5);
    now += 60_000;
    run.started.at(-1)?.kill();
    await settle();
    expect(run.started).toHaveLength(5);
    expect(run.gaveUp[0]).toMatch(
      /5 restarts in the last 10 minutes already\. Not restarting it; stopping the platform/,
    );
  });

  it('after stop() nothing is restarted, and a JVM started meanwhile is stopped too', async () => {
    const first = fakeDb(100);
    let release: () => void = () => {};
    const run = supervise(first.db, {
      start: async () => {
        await new Promise<void>((r) => {
          release = r;
        });
        const db = fakeDb(300);
        run.started.push(db);
        return db.db;
      },
    });
    first.kill();
    await settle();
    const stopping = run.supervisor.stop();
    release();
    await stopping;
    expect(run.started.map((s) => s.state.stopped)).toEqual([true]);
    expect(run.gaveUp).toEqual([]);

    const other = fakeDb(400);
    const quiet = supervise(other.db);
    await quiet.supervisor.stop();
    await settle();
    expect(quiet.started).toEqual([]);
    expect(quiet.log).toEqual([]);
  });
});
