import type { InferResponseType } from 'hono/client';
import type { AuditActionGroup, AuditSubjectType } from '../../../shared/audit/audit';
import type { Role } from '../../../shared/access/principal';
import { api, type Json, ApiError, read, send } from '../api';
import { useAction } from '../fetching';
import type { Language } from '../i18n';

/**
 * Accounts, institutions and the organizer's user screens. This module holds what every first visit
 * loads (the session, the health report, sign-in and the public account pages), as plain calls of the
 * typed client without TanStack Query (issue 17: it stays off every first visit), and the types and
 * query keys; the signed-in pages' reads and writes, as query options and mutations, are in
 * accounts-signed-in.ts, so an anonymous visitor does not download them.
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
 * page load (main.tsx starts it before the first render, beside the language sync, through the session
 * store in session.tsx) and again after a sign-in or a profile change. Without the signed-in hint nobody
 * is asked.
 */
export async function readMe(): Promise<Me | null> {
  if (!mayBeSignedIn()) return null;
  try {
    return await read(api.api.me.$get());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) forgetSignedInHint();
    else console.warn('GET /api/me failed', error);
    return null;
  }
}

/** The health report; a 503 carries one too, so the body is read whatever the status. */
export async function readHealth(signal: AbortSignal) {
  const report = await (await api.api.health.$get(undefined, { init: { signal } })).json();
  if ('error' in report) throw new Error('health check failed');
  return report;
}

const confirmations = new Map<string, Promise<true>>();

/**
 * Confirms an e-mail address. A token is single-use, so it is sent once per page load whatever
 * asks (the page's renders, React's double mount in development) and every caller shares the answer.
 */
export function confirmEmail(token: string): Promise<true> {
  let confirmation = confirmations.get(token);
  if (!confirmation) {
    confirmation = send(api.api.auth['verify-email'].$post({ json: { token } })).then(() => true as const);
    confirmations.set(token, confirmation);
  }
  return confirmation;
}

/** Tells the server the UI's language (the `lang` cookie), so its messages follow; a failure changes nothing. */
export async function saveLanguagePreference(language: Language): Promise<void> {
  await api.api.preferences.language.$put({ json: { language } }).catch(() => undefined);
}

const login = (json: { email: string; password: string }) => read(api.api.auth.login.$post({ json }));
const logout = (_: undefined) => send(api.api.auth.logout.$post());
const acceptInvitation = (json: Json<typeof api.api.auth.invitations.accept.$post>) =>
  read(api.api.auth.invitations.accept.$post({ json }));
const requestPasswordReset = (email: string) => send(api.api.auth['password-reset'].$post({ json: { email } }));
const completePasswordReset = (json: { token: string; password: string }) =>
  send(api.api.auth['password-reset'].complete.$post({ json }));
const resendVerification = (email: string) => send(api.api.auth['verify-email'].resend.$post({ json: { email } }));
const register = (json: Registration) => read(api.api.institutions.$post({ json }));

export const useLogin = () => useAction(login);
export const useLogout = () => useAction(logout);
export const useAcceptInvitation = () => useAction(acceptInvitation);
export const useRequestPasswordReset = () => useAction(requestPasswordReset);
export const useCompletePasswordReset = () => useAction(completePasswordReset);
export const useResendVerification = () => useAction(resendVerification);
export const useRegister = () => useAction(register);
