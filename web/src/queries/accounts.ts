import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { AuditActionGroup, AuditSubjectType } from '../../../shared/audit/audit';
import type { Role } from '../../../shared/access/principal';
import { api, type Json, ApiError, read, send } from '../api';
import type { Language } from '../i18n';
import { allPages, cursorParam, pageAt, type CursorPage, type PagePosition } from './pages';

/**
 * Accounts, institutions and the organizer's user screens: the reads as query options (keys hold
 * every parameter, so an answer can only land in the list it was asked for) and the writes as
 * mutations that refresh what they change.
 */
export type Me = InferResponseType<typeof api.api.me.$get, 200>;
export type UserRow = InferResponseType<typeof api.api.users.$get, 200>['items'][number];
export type Member = InferResponseType<
  (typeof api.api.institutions)[':institutionId']['members']['$get'],
  200
>['items'][number];
export type InstitutionView = InferResponseType<(typeof api.api.institutions)[':institutionId']['$get'], 200>;
export type AuditEntry = InferResponseType<typeof api.api.audit.$get, 200>['items'][number];
/** One day or one subject's history, optionally only one kind of event. */
export type AuditFilter = ({ day: string } | { subjectType: AuditSubjectType; subjectId: string }) & {
  group?: AuditActionGroup;
};

export type Registration = Json<typeof api.api.institutions.$post>;
export type ProfileUpdate = Json<(typeof api.api.institutions)[':institutionId']['$put']>;

export const accountKeys = {
  me: ['me'] as const,
  users: (role: Role) => ['users', role] as const,
  institution: (institutionId: string) => ['institutions', institutionId] as const,
  members: (institutionId: string) => ['institutions', institutionId, 'members'] as const,
};

/**
 * The "signed in on this browser" hint the server sets and clears with the HttpOnly session cookie
 * (shared/http/session-cookie.ts: `__Host-signedin` over HTTPS, `signedin` on plain-http localhost).
 * It holds no secret; it only spares an anonymous visitor the `/api/me` request and its 401.
 */
const SIGNED_IN_HINTS = ['__Host-signedin', 'signedin'] as const;

export function mayBeSignedIn(): boolean {
  return document.cookie.split(';').some((c) => SIGNED_IN_HINTS.some((name) => c.trim().startsWith(`${name}=`)));
}

/** The session ended elsewhere (expired, logged out everywhere): drop the hint so the next page asks no more. */
function forgetSignedInHint(): void {
  // The Cookie Store API is not in every browser an office uses (Firefox, older Safari); these are fixed strings.
  // biome-ignore lint/suspicious/noDocumentCookie: fixed string, see above
  document.cookie = '__Host-signedin=; Max-Age=0; Path=/; Secure; SameSite=Lax';
  // biome-ignore lint/suspicious/noDocumentCookie: fixed string, see above
  document.cookie = 'signedin=; Max-Age=0; Path=/; SameSite=Lax';
}

/**
 * The signed-in account, or null for a visitor (401 is the ordinary "not signed in"). Read once per
 * page load (main.tsx starts it before the first render, beside the language sync) and kept until a
 * sign-in, a sign-out or a profile change says otherwise. Without the signed-in hint nobody is asked.
 */
export const meQuery = queryOptions({
  queryKey: accountKeys.me,
  queryFn: async (): Promise<Me | null> => {
    if (!mayBeSignedIn()) return null;
    try {
      return await read(api.api.me.$get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetSignedInHint();
      else console.warn('GET /api/me failed', error);
      return null;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

export const usersQuery = (role: Role, at: PagePosition) =>
  queryOptions({
    queryKey: [...accountKeys.users(role), 'page', at],
    queryFn: async () => pageAt(at)(await read(api.api.users.$get({ query: { role, ...cursorParam(at) } }))),
  });

/** Every expert account (all pages of the users list), for choosing whom to add to a chapter. */
export const allExpertsQuery = queryOptions({
  queryKey: [...accountKeys.users('expert'), 'all'],
  queryFn: () =>
    allPages((cursor) =>
      read(api.api.users.$get({ query: { role: 'expert', limit: '100', ...(cursor ? { cursor } : {}) } })),
    ),
});

export const institutionQuery = (institutionId: string) =>
  queryOptions({
    queryKey: accountKeys.institution(institutionId),
    queryFn: () => read(api.api.institutions[':institutionId'].$get({ param: { institutionId } })),
  });

export const membersQuery = (institutionId: string) =>
  queryOptions({
    queryKey: accountKeys.members(institutionId),
    queryFn: () => read(api.api.institutions[':institutionId'].members.$get({ param: { institutionId } })),
  });

export const auditQuery = (filter: AuditFilter, at: PagePosition) =>
  queryOptions({
    queryKey: ['audit', filter, at],
    queryFn: async () => pageAt(at)(await read(api.api.audit.$get({ query: { ...filter, ...cursorParam(at) } }))),
  });

/** The local outbox, or null where there is none (the cloud answers 404). */
export const outboxQuery = queryOptions({
  queryKey: ['outbox'],
  queryFn: async () => {
    try {
      return await read(api.api.dev.outbox.$get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
});

/** The health report; a 503 carries one too, so the body is read whatever the status. */
export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: async () => {
    const report = await (await api.api.health.$get()).json();
    if ('error' in report) throw new Error('health check failed');
    return report;
  },
});

/**
 * Confirms an e-mail address. A token is single-use, so this is a query that never refetches: the
 * page's renders (and React's double mount in development) share the one request.
 */
export const verifyEmailQuery = (token: string) =>
  queryOptions({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      await send(api.api.auth['verify-email'].$post({ json: { token } }));
      return true;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

/** Tells the server the UI's language (the `lang` cookie), so its messages follow; a failure changes nothing. */
export async function saveLanguagePreference(language: Language): Promise<void> {
  await api.api.preferences.language.$put({ json: { language } }).catch(() => undefined);
}

/** After signing in or out: nothing read for one account may be shown to the next. */
export function forgetAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.me[0] });
}

export const useLogin = () =>
  useMutation({
    mutationFn: (json: { email: string; password: string }) => read(api.api.auth.login.$post({ json })),
  });

export const useLogout = () => useMutation({ mutationFn: () => send(api.api.auth.logout.$post()) });

export const useLogoutEverywhere = () =>
  useMutation({ mutationFn: () => read(api.api.auth['logout-everywhere'].$post()) });

export const useAcceptInvitation = () =>
  useMutation({
    mutationFn: (json: Json<typeof api.api.auth.invitations.accept.$post>) =>
      read(api.api.auth.invitations.accept.$post({ json })),
  });

export const useRequestPasswordReset = () =>
  useMutation({ mutationFn: (email: string) => send(api.api.auth['password-reset'].$post({ json: { email } })) });

export const useCompletePasswordReset = () =>
  useMutation({
    mutationFn: (json: { token: string; password: string }) =>
      send(api.api.auth['password-reset'].complete.$post({ json })),
  });

export const useResendVerification = () =>
  useMutation({ mutationFn: (email: string) => send(api.api.auth['verify-email'].resend.$post({ json: { email } })) });

export const useRegister = () =>
  useMutation({ mutationFn: (json: Registration) => read(api.api.institutions.$post({ json })) });

export function useSaveAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<typeof api.api.me.$put>) => read(api.api.me.$put({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.me }),
  });
}

export function useSaveInstitution(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ProfileUpdate) =>
      read(api.api.institutions[':institutionId'].$put({ param: { institutionId }, json })),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.institution(institutionId), saved);
      return queryClient.invalidateQueries({ queryKey: accountKeys.me });
    },
  });
}

export function useInviteMember(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: { email: string; displayName: string; language: Language }) =>
      read(api.api.institutions[':institutionId'].members.$post({ param: { institutionId }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.members(institutionId) }),
  });
}

export function useInviteExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<typeof api.api.experts.$post>) => read(api.api.experts.$post({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users('expert') }),
  });
}

export function useChangeUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: 'deactivate' | 'reactivate' }) =>
      read(
        action === 'deactivate'
          ? api.api.users[':userId'].deactivate.$post({ param: { userId } })
          : api.api.users[':userId'].reactivate.$post({ param: { userId } }),
      ),
    // The row changes in place, as it was on the page: no reload moves the list under the user.
    onSuccess: (updated) =>
      queryClient.setQueriesData<CursorPage<UserRow>>(
        { queryKey: ['users'], predicate: (q) => q.queryKey[2] === 'page' },
        (page) =>
          page ? { ...page, items: page.items.map((u) => (u.userId === updated.userId ? updated : u)) } : page,
      ),
  });
}
