import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import i18n, { isLanguage, languageWasChosen } from './i18n';
import { chooseLanguage } from './language';
import { accountKeys, forgetAccountData, meQuery, type Me } from './queries/accounts';

export type { Me } from './queries/accounts';
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

/** The signed-in account, read once through the query cache and re-read when it changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);

  const refresh = useCallback(() => queryClient.refetchQueries({ queryKey: accountKeys.me }), [queryClient]);

  const signedIn = useCallback(
    async (user: SignedInUser) => {
      forgetAccountData(queryClient);
      if (!languageWasChosen() && isLanguage(user.language) && user.language !== i18n.language)
        await chooseLanguage(user.language);
      await refresh();
    },
    [queryClient, refresh],
  );

  const signedOut = useCallback(() => {
    forgetAccountData(queryClient);
    queryClient.setQueryData(accountKeys.me, null);
  }, [queryClient]);

  const { data, isPending } = me;
  const state = useMemo<SessionState>(
    () => (data ? { status: 'signedIn', ...data } : isPending ? { status: 'loading' } : { status: 'anonymous' }),
    [data, isPending],
  );
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
