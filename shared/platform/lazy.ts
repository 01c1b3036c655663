/** A value built on first use and then reused (SDK clients a cold start may never need). */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * An async function whose module is imported on its first call: `const f = lazyImport(() =>
 * import('./f').then((m) => m.f))` has f's exact type. In the api's split bundle the module becomes a
 * chunk of its own, so a route group loads the use cases of its rarely used routes only when one of
 * them is called (docs/performance.md, "what a request loads").
 */
export function lazyImport<F extends (...args: never[]) => Promise<unknown>>(load: () => Promise<F>): F {
  const loaded = once(load);
  const call = async (...args: Parameters<F>) => (await loaded())(...args);
  return call as unknown as F;
}

/** One load, shared by every caller; a failed load (a chunk that could not be read) is retried next time. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
