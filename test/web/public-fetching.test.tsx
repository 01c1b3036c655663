import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxPage } from '../../web/src/area-chunks';
import { type Action, type Fetched, useAction, useFetchOnce } from '../../web/src/fetching';
import { VerifyEmailPage } from '../../web/src/pages/VerifyEmailPage';
import { accountSwitched } from '../../web/src/queries/account-switch';
import { sharedQueryClient } from '../../web/src/queries/shared-client';
import { createSessionStore, SessionProvider, useSession } from '../../web/src/session';
import { installFakeFetch, settle } from './support/fake-fetch';
import { signedInHint } from './support/signed-in';

// Issue 17: TanStack Query is off the public pages and the session (it costs ≈ 10 KB gzipped on every first
// visit). These check what replaces it there, and that the signed-in areas still get their one query cache.

afterEach(() => {
  signedInHint(false);
  window.history.replaceState(null, '', '/');
});

/** A deferred answer the test settles by hand, with the signal the read was given. */
function manualLoader() {
  const calls: { signal: AbortSignal; resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, load };
}

function Reader({
  id,
  load,
  seen,
}: {
  id: string | null;
  load: (s: AbortSignal) => Promise<string>;
  seen: Fetched<string>[];
}) {
  const read = useFetchOnce(id, load);
  seen.push(read);
  return (
    <>
      <p>{read.isPending ? 'pending' : read.isError ? `error ${String(read.error)}` : `data ${read.data}`}</p>
      <button type="button" onClick={read.refetch}>
        again
      </button>
    </>
  );
}

describe('useFetchOnce (the public pages’ reads)', () => {
  it('reads once per key, drops an older key’s late answer, reads again on refetch and aborts on unmount', async () => {
    const { calls, load } = manualLoader();
    const seen: Fetched<string>[] = [];
    const view = render(<Reader id="a" load={load} seen={seen} />);
    expect(screen.getByText('pending')).toBeTruthy();
    await act(async () => calls[0]?.resolve('A'));
    expect(screen.getByText('data A')).toBeTruthy();
    expect(calls).toHaveLength(1);

    view.rerender(<Reader id="b" load={load} seen={seen} />);
    expect(screen.getByText('pending')).toBeTruthy(); // never the old key's answer under the new key
    await act(async () => calls[1]?.reject('nope'));
    expect(screen.getByText('error nope')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'again' }));
    expect(screen.getByText('pending')).toBeTruthy();
    expect(calls).toHaveLength(3);
    view.rerender(<Reader id="c" load={load} seen={seen} />);
    expect(calls[2]?.signal.aborted).toBe(true); // the key changed mid-read
    await act(async () => calls[2]?.resolve('late'));
    expect(screen.queryByText('data late')).toBeNull();

    view.unmount();
    expect(calls[3]?.signal.aborted).toBe(true);
  });

  it('with no key nothing is read and nothing is pending', () => {
    const { calls, load } = manualLoader();
    render(<Reader id={null} load={load} seen={[]} />);
    expect(calls).toHaveLength(0);
    expect(screen.getByText('data undefined')).toBeTruthy();
  });
});

function Sender({
  send,
  onRender,
}: {
  send: (name: string) => Promise<string>;
  onRender: (a: Action<string, string>) => void;
}) {
  const action = useAction(send);
  onRender(action);
  return <p>{action.isPending ? 'sending' : action.isSuccess ? `sent ${action.variables}` : 'idle'}</p>;
}

function Who({ onRender }: { onRender: (session: ReturnType<typeof useSession>) => void }) {
  const session = useSession();
  onRender(session);
  const { state } = session;
  return <p>{state.status === 'signedIn' ? state.user.displayName : state.status}</p>;
}

describe('useAction (the public forms’ writes)', () => {
  it('is pending while sending, then succeeded with the variables, and rethrows a failure', async () => {
    const { calls, load } = manualLoader();
    const send = (name: string) => load(new AbortController().signal).then((answer) => `${name}:${answer}`);
    let action: Action<string, string> | undefined;
    render(
      <Sender
        send={send}
        onRender={(a) => {
          action = a;
        }}
      />,
    );
    expect(screen.getByText('idle')).toBeTruthy();
    let result: Promise<string> | undefined;
    act(() => {
      result = action?.mutateAsync('anna');
    });
    expect(screen.getByText('sending')).toBeTruthy();
    await act(async () => calls[0]?.resolve('ok'));
    await expect(result).resolves.toBe('anna:ok');
    expect(screen.getByText('sent anna')).toBeTruthy();

    let failed: Promise<string> | undefined;
    act(() => {
      failed = action?.mutateAsync('jan');
      failed?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    });
    await act(async () => calls[1]?.reject(new Error('refused')));
    await expect(failed).rejects.toThrow('refused');
    expect(action?.isError).toBe(true);
  });
});

describe('the session without a query cache', () => {
  const me = (displayName: string) => ({
    user: {
      userId: 'u1',
      email: 'anna@urzad.pl',
      displayName,
      language: 'pl',
      roles: ['institution'],
      status: 'active',
      emailVerified: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  });

  it('main.tsx’s early read is the one the provider uses; a sign-out during a re-read is not undone by its answer', async () => {
    signedInHint(true);
    const api = installFakeFetch();
    const store = createSessionStore();
    void store.load();
    let session: ReturnType<typeof useSession> | undefined;
    render(
      <StrictMode>
        <SessionProvider store={store}>
          <Who
            onRender={(s) => {
              session = s;
            }}
          />
        </SessionProvider>
      </StrictMode>,
    );
    const [first] = await api.waitFor('GET', '/api/me');
    first?.reply(200, me('Anna Nowak'));
    expect(await screen.findByText('Anna Nowak')).toBeTruthy();
    expect(api.requests.filter((r) => r.path === '/api/me')).toHaveLength(1);

    let reread: Promise<unknown> | undefined;
    act(() => {
      reread = session?.refresh();
    });
    const [second] = await api.waitFor('GET', '/api/me');
    act(() => session?.signedOut());
    expect(screen.getByText('anonymous')).toBeTruthy();
    second?.reply(200, me('Anna Nowak'));
    await reread;
    await settle();
    expect(screen.getByText('anonymous')).toBeTruthy();
  });
});

describe('the signed-in areas’ query cache', () => {
  it('a signed-in area’s page is rendered inside the one shared QueryClient, which a sign-in or sign-out empties', async () => {
    const api = installFakeFetch();
    const Outbox = outboxPage((m) => m.OutboxPage);
    render(
      <SessionProvider>
        <Suspense fallback={<p>loading the area</p>}>
          <Outbox />
        </Suspense>
      </SessionProvider>,
    );
    const [outbox] = await api.waitFor('GET', '/api/dev/outbox');
    outbox?.reply(200, { items: [] });
    expect(await screen.findByText('Brak wiadomości.', { exact: false })).toBeTruthy();
    const cache = sharedQueryClient().getQueryCache();
    expect(cache.find({ queryKey: ['outbox'] })).toBeTruthy();
    act(() => accountSwitched());
    expect(cache.find({ queryKey: ['outbox'] })).toBeUndefined();
  });

  it('every signed-in area mounts the same provider (one cache for all), and no public area has one', async () => {
    const signedIn = await Promise.all([
      import('../../web/src/areas/account'),
      import('../../web/src/areas/institution'),
      import('../../web/src/areas/expert'),
      import('../../web/src/areas/organizer'),
      import('../../web/src/areas/outbox'),
    ]);
    const providers = new Set(signedIn.map((m) => m.AreaProvider));
    expect(providers.size).toBe(1);
    expect([...providers][0]).toBeTypeOf('function');
    const publicAreas = await Promise.all([
      import('../../web/src/areas/start'),
      import('../../web/src/areas/public'),
      import('../../web/src/areas/register'),
      import('../../web/src/areas/laureates'),
      import('../../web/src/areas/verification'),
    ]);
    for (const area of publicAreas) expect('AreaProvider' in area).toBe(false);
  });
});

describe('e-mail confirmation (a single-use token) without the query cache', () => {
  it('sends the token once even under StrictMode’s double mount, and says it is confirmed', async () => {
    window.history.replaceState(null, '', '/verify-email?token=tok-strict');
    const api = installFakeFetch();
    render(
      <StrictMode>
        <VerifyEmailPage />
      </StrictMode>,
    );
    const [confirm] = await api.waitFor('POST', '/api/auth/verify-email');
    confirm?.reply(200, { ok: true });
    expect(await screen.findByRole('link', { name: 'Przejdź do logowania' })).toBeTruthy();
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/api/auth/verify-email')).toHaveLength(1);
  });
});
