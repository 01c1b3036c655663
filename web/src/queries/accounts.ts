import { queryOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { AuditActionGroup, AuditSubjectType } from '../../../shared/audit/audit';
import type { Role } from '../../../shared/access/principal';
import { api, type Json, ApiError, read, send } from '../api';
import type { Language } from '../i18n';

/**
 * Accounts, institutions and the organizer's user screens: the reads as query options (keys hold
 * every parameter, so an answer can only land in the list it was asked for) and the writes as
 * mutations that refresh what they change. This module holds what every first visit loads (the session,
 * the health report, sign-in and the public account pages) and the types; the signed-in pages' reads and
 * writes are in accounts-signed-in.ts, so an anonymous visitor does not download them (issue 17).
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
