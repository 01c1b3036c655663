import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InferResponseType } from 'hono/client';
import { api, ApiError, send } from './api';
import i18n, { isLanguage, languageWasChosen } from './i18n';
import { chooseLanguage } from './language';

export type Me = InferResponseType<typeof api.api.me.$get, 200>;
export type SignedInUser = Me['user'];
export type Role = SignedInUser['roles'][number];

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | ({ status: 'signedIn' } & Me);

interface Session {
  state: SessionState;
  /** Re-reads /api/me (after login, accepting an invitation, or a profile change). */
  refresh: () => Promise<void>;
  /** After login or accepting an invitation: the account's language, unless one was chosen in this browser. */
  signedIn: (user: SignedInUser) => Promise<void>;
  /** Forget the session locally (the server already ended it). */
  signedOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await (await send(api.api.me.$get())).json();
      setState({ status: 'signedIn', ...me });
    } catch (error) {
      // 401 is the ordinary "not signed in"; anything else also leaves the visitor anonymous.
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('GET /api/me failed', error);
      setState({ status: 'anonymous' });
    }
  }, []);

  const signedIn = useCallback(
    async (user: SignedInUser) => {
      if (!languageWasChosen() && isLanguage(user.language) && user.language !== i18n.language)
        await chooseLanguage(user.language);
      await refresh();
    },
    [refresh],
  );

  const signedOut = useCallback(() => setState({ status: 'anonymous' }), []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, signedIn, signedOut }), [state, refresh, signedIn, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where an account lands after signing in. */
export function homeOf(user: Pick<SignedInUser, 'roles'>): string {
  if (user.roles.includes('organizer')) return '/organizer/users';
  if (user.roles.includes('institution')) return '/institution';
  if (user.roles.includes('expert')) return '/expert';
  return '/account';
}
