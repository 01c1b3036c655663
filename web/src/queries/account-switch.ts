/**
 * After signing in or out nothing read for one account may be shown to the next. The session (in the
 * entry) announces it here; the signed-in areas' query cache (queries/shared-client.tsx, in their
 * chunks) listens once it exists. This module imports nothing, so the entry stays free of TanStack
 * Query (issue 17).
 */
const forgetters = new Set<() => void>();

/** Called with every sign-in and sign-out; returns the unsubscribe. */
export function onAccountSwitch(forget: () => void): () => void {
  forgetters.add(forget);
  return () => forgetters.delete(forget);
}

export function accountSwitched(): void {
  for (const forget of forgetters) forget();
}
