import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import i18n, { isLanguage, languageWasChosen } from './i18n';
import { chooseLanguage } from './language';
import { mayBeSignedIn, type Me, readMe } from './queries/accounts';
import { accountSwitched } from './queries/account-switch';

export type { Me } from './queries/accounts';
export type SignedInUser = Me['user'];
export type Role = SignedInUser['roles'][number];

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | ({ status: 'signedIn' } & Me);

interface Session {
  state: SessionState;
  /** Re-reads /api/me (after login, accepting an invitation, or a profile change); resolves with the fresh account. */
  refresh: () => Promise<Me | null>;
  /** After login or accepting an invitation: the account's language, unless one was chosen in this browser. */
  signedIn: (user: SignedInUser) => Promise<void>;
  /** Forget the session locally (the server already ended it). */
  signedOut: () => void;
}

/**
 * The signed-in account, read with a plain call of the typed client (not through TanStack Query, which
 * only the signed-in areas' chunks load — issue 17): read once per page load and kept until a sign-in,
 * a sign-out or a profile change says otherwise. When two reads overlap, the later one's answer wins.
 */
export interface SessionStore {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => SessionState;
  /** The first read, once (main.tsx starts it before the first render; the provider asks again, a no-op). */
  load: () => Promise<Me | null>;
  refresh: () => Promise<Me | null>;
  set: (me: Me | null) => void;
}

const toState = (me: Me | null): SessionState => (me ? { status: 'signedIn', ...me } : { status: 'anonymous' });

export function createSessionStore(): SessionStore {
  const listeners = new Set<() => void>();
  // Without the signed-in hint nobody is asked: a visitor is anonymous from the first render.
  let state: SessionState = mayBeSignedIn() ? { status: 'loading' } : { status: 'anonymous' };
  let first: Promise<Me | null> | undefined = state.status === 'anonymous' ? Promise.resolve(null) : undefined;
  let reads = 0;
  const set = (me: Me | null) => {
    reads += 1; // an answer still on its way is older than this
    state = toState(me);
    for (const listener of listeners) listener();
  };
  const refresh = async () => {
    const read = ++reads;
    const me = await readMe();
    if (read === reads) {
      state = toState(me);
      for (const listener of listeners) listener();
    }
    return me;
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
    load: () => {
      first ??= refresh();
      return first;
    },
    refresh,
    set,
  };
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in account for every page; `store` is main.tsx's (already reading), else a fresh one. */
export function SessionProvider({ store, children }: { store?: SessionStore; children: ReactNode }) {
  const [session] = useState(() => store ?? createSessionStore());
  const state = useSyncExternalStore(session.subscribe, session.snapshot);
  useEffect(() => {
    void session.load();
  }, [session]);

  const refresh = session.refresh;

  const signedIn = useCallback(
    async (user: SignedInUser) => {
      accountSwitched();
      if (!languageWasChosen() && isLanguage(user.language) && user.language !== i18n.language)
        await chooseLanguage(user.language);
      await refresh();
    },
    [refresh],
  );

  const signedOut = useCallback(() => {
    accountSwitched();
    session.set(null);
  }, [session]);

  const value = useMemo(() => ({ state, refresh, signedIn, signedOut }), [state, refresh, signedIn, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/**
 * Where an account lands after signing in: the page that says what to do next (issue 16). An
 * organizer sees the editions and their state, an institution its applications with the open
 * editions' deadlines, an expert the chapter's editions with their review dates.
 */
export function homeOf(user: Pick<SignedInUser, 'roles'>): string {
  if (user.roles.includes('organizer')) return '/organizer/editions';
  if (user.roles.includes('institution')) return '/applications';
  if (user.roles.includes('expert')) return '/expert';
  return '/account';
}
