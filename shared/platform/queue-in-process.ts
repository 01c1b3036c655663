import type { IdGenerator } from './ids';
import type { JobQueue } from './queue';

export interface InProcessQueue<T> extends JobQueue<T> {
  /** Resolves when every job sent so far has been handled (tests, graceful shutdown). */
  drain(): Promise<void>;
  /** Jobs whose handler threw, kept like a dead-letter queue. */
  readonly deadLetters: { job: T; error: string }[];
}

/**
 * Local stand-in for SQS + Lambda: the job is serialized (as SQS would) and handed to the same
 * handler the cloud worker uses, after the current request has finished.
 */
export function inProcessQueue<T>(
  ids: IdGenerator,
  handle: (body: string) => Promise<void>,
  maxAttempts = 3,
): InProcessQueue<T> {
  const pending = new Set<Promise<void>>();
  const deadLetters: { job: T; error: string }[] = [];
  const run = async (job: T, body: string) => {
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await handle(body);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    deadLetters.push({ job, error: lastError });
  };
  return {
    deadLetters,
    async send(job) {
      const body = JSON.stringify(job);
      const p = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(job, body));
      pending.add(p);
      void p.finally(() => pending.delete(p));
      return ids.newId();
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
