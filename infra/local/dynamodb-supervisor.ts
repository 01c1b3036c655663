import type { DynamoDbLocal, JvmExit } from './dynamodb-local';

export interface SupervisorOptions {
  /** Starts DynamoDB Local again: the same port (the app's client keeps its endpoint), the same data folder. */
  start: () => Promise<DynamoDbLocal>;
  /** Runs after a restart, before the database counts as up: the table (and, in memory, the demo data). */
  prepare: (db: DynamoDbLocal) => Promise<void>;
  /** In memory, a dead JVM took the data with it; with `.data/` the data comes back. */
  inMemory: boolean;
  /** One line per event, for the person watching `npm start`. */
  log: (line: string) => void;
  /** Every try failed: the platform should stop, saying this. */
  giveUp: (message: string) => void;
  /** Start attempts per outage. */
  maxTries?: number;
  /** More restarts than this within `restartWindowMs` is a crash loop: give up instead. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Delay before the second try; doubles for each further one. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Keeps DynamoDB Local running under `npm start`: when the JVM ends on its own (killed, crashed), it is
 * started again with bounded tries, each logged, and `/api/health` names the outage meanwhile. When
 * the tries run out, or the JVM keeps dying, the platform is told to stop with a clear message rather
 * than answer 503 forever.
 */
export class DynamoDbSupervisor {
  private db: DynamoDbLocal;
  private outage: string | null = null;
  private stopping = false;
  /** A restart in progress; settles with the give-up message, or null. Never rejects. */
  private recovery: Promise<string | null> | undefined;
  private readonly restarts: number[] = [];
  private readonly maxTries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    first: DynamoDbLocal,
    private readonly options: SupervisorOptions,
  ) {
    this.db = first;
    this.maxTries = options.maxTries ?? 3;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = options.now ?? Date.now;
    this.watch(first);
  }

  /** The DynamoDB Local running now (or the last one started). */
  get current(): DynamoDbLocal {
    return this.db;
  }

  /** Why the database cannot answer right now, or null while it runs. For `/api/health`. */
  readonly outageReason = (): string | null => this.outage;

  /** Stops for good: no restart after this, and the running JVM (if any) is stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.recovery;
    await this.db.stop();
  }

  private watch(db: DynamoDbLocal): void {
    void db.exited.then(async (exit) => {
      if (this.stopping || db !== this.db) return;
      this.recovery = this.recover(db, exit).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      const failure = await this.recovery;
      this.recovery = undefined;
      if (failure && !this.stopping) {
        this.outage = failure;
        this.options.giveUp(failure);
      }
    });
  }

  /** Resolves once a new JVM runs (or the platform is stopping); rejects with the give-up message. */
  private async recover(dead: DynamoDbLocal, exit: JvmExit): Promise<void> {
    const how = `DynamoDB Local (pid ${dead.pid}) ${describeExit(exit)}`;
    const windowMs = this.options.restartWindowMs ?? 10 * 60_000;
    const maxRestarts = this.options.maxRestarts ?? 5;
    const now = this.now();
    while (this.restarts.length > 0 && now - (this.restarts[0] ?? now) >= windowMs) this.restarts.shift();
    if (this.restarts.length >= maxRestarts) {
      throw new Error(
        `${how} again: ${maxRestarts} restarts in the last ${Math.round(windowMs / 60_000)} minutes already. Not restarting it; stopping the platform (start it again with npm start).`,
      );
    }
    this.restarts.push(now);
    this.outage = `${how}; restarting it`;
    const data = this.options.inMemory
      ? 'The in-memory data is lost: the table and the demo data are created afresh.'
      : 'The data in .data/ is kept.';
    this.options.log(`${how} unexpectedly. ${data}`);
    await dead.stop(); // its watchdog's reader and the .data/ lock
    let lastError = '';
    for (let attempt = 1; attempt <= this.maxTries; attempt++) {
      if (this.stopping) return;
      this.outage = `${how}; restarting it (try ${attempt} of ${this.maxTries})`;
      this.options.log(`Restarting DynamoDB Local (try ${attempt} of ${this.maxTries})…`);
      let started: DynamoDbLocal | undefined;
      try {
        started = await this.options.start();
        if (this.stopping) {
          await started.stop();
          return;
        }
        await this.options.prepare(started);
        this.db = started;
        this.outage = null;
        this.options.log(
          `DynamoDB Local restarted: ${started.endpoint} (pid ${started.pid})${this.options.inMemory ? ', with an empty in-memory database' : ', data kept'}.`,
        );
        this.watch(started);
        return;
      } catch (error) {
        await started?.stop();
        lastError = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
        this.options.log(`DynamoDB Local restart try ${attempt} of ${this.maxTries} failed: ${lastError}`);
        if (attempt < this.maxTries) await this.sleep((this.options.retryDelayMs ?? 1000) * 2 ** (attempt - 1));
      }
    }
    throw new Error(
      `DynamoDB Local could not be restarted after ${this.maxTries} tries (last: ${lastError}). Stopping the platform; start it again with npm start.`,
    );
  }
}

export function describeExit(exit: JvmExit): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}
