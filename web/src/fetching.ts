import { useCallback, useEffect, useRef, useState } from 'react';

// The public pages' few requests without TanStack Query (issue 17: its ≈ 10 KB gzipped left every first
// visit). A public page reads once when it opens and sends a form now and then; it needs no cache, no
// invalidation and no sharing between screens. The signed-in areas keep TanStack Query
// (queries/shared-client.tsx), whose provider their chunks mount.

/** What a one-shot read shows: loading, the answer, or the error (`refetch` asks again). */
export interface Fetched<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => void;
}

type Settled<T> = { key: string; round: number } & ({ ok: true; data: T } | { ok: false; error: unknown });

/**
 * Reads once per `key` (null: not at all) when the component mounts or the key changes, and again on
 * `refetch()`. The request gets an AbortSignal that aborts when the component unmounts or the key
 * changes, and a late answer for an older key or round is dropped. `load` may change on every render:
 * the current one is used when a read starts (the key must hold every parameter it reads).
 */
export function useFetchOnce<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Fetched<T> {
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const done = (result: Settled<T>) => {
      if (!controller.signal.aborted) setSettled(result);
    };
    latestLoad.current(controller.signal).then(
      (data) => done({ key, round, ok: true, data }),
      (error: unknown) => done({ key, round, ok: false, error }),
    );
    return () => controller.abort();
  }, [key, round]);
  const refetch = useCallback(() => setRound((n) => n + 1), []);
  const current = settled && settled.key === key && settled.round === round ? settled : null;
  return {
    data: current?.ok ? current.data : undefined,
    error: current && !current.ok ? current.error : null,
    isPending: key !== null && current === null,
    isError: current !== null && !current.ok,
    refetch,
  };
}

type ActionState<A, R> =
  | { isPending: false; isSuccess: false; isError: false; variables: undefined }
  | { isPending: true; isSuccess: false; isError: false; variables: A }
  | { isPending: false; isSuccess: true; isError: false; variables: A; data: R }
  | { isPending: false; isSuccess: false; isError: true; variables: A; error: unknown };

/** A write a public page sends (sign in, reset a password, register): its state, and `mutateAsync` to send it. */
export type Action<A, R> = ActionState<A, R> & { mutateAsync: (variables: A) => Promise<R> };

const IDLE = { isPending: false, isSuccess: false, isError: false, variables: undefined } as const;

/**
 * The small part of TanStack's `useMutation` the public pages use: `mutateAsync` sends and resolves
 * with the answer (or rejects, for the form to show the error), with `isPending`, `isSuccess` and the
 * last call's `variables` to render from. `send` should be stable (a module-level function).
 */
export function useAction<A, R>(send: (variables: A) => Promise<R>): Action<A, R> {
  const [state, setState] = useState<ActionState<A, R>>(IDLE);
  const calls = useRef(0);
  const mutateAsync = useCallback(
    async (variables: A) => {
      const call = ++calls.current;
      const latest = (next: ActionState<A, R>) => call === calls.current && setState(next);
      latest({ isPending: true, isSuccess: false, isError: false, variables });
      try {
        const data = await send(variables);
        latest({ isPending: false, isSuccess: true, isError: false, variables, data });
        return data;
      } catch (error) {
        latest({ isPending: false, isSuccess: false, isError: true, variables, error });
        throw error;
      }
    },
    [send],
  );
  return { ...state, mutateAsync };
}
