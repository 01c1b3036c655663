import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Caller } from '../access/caller';
import { resolveSession, type SessionDeps } from '../accounts/sessions';
import type { AppDeps, AppEnv, AppSettings } from './deps';
import type { PrincipalResolver } from './middleware/authorize';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure with the `__Host-` prefix (no Domain, path /)
 * everywhere except plain-http localhost, where browsers would drop a Secure cookie.
 */
export const sessionCookieName = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Host-session' : 'session';

/** The production resolver: the account behind the request's session cookie, or anonymous. */
export function sessionPrincipals(
  deps: SessionDeps & { settings: Pick<AppSettings, 'secureCookies'> },
): PrincipalResolver {
  return (c) => resolveSession(deps, getCookie(c, sessionCookieName(deps.settings)));
}

export function setSessionCookie(c: Context, settings: AppSettings, token: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName(settings), token, {
    path: '/',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'Lax',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, settings: AppSettings): void {
  deleteCookie(c, sessionCookieName(settings), {
    path: '/',
    secure: settings.secureCookies,
    httpOnly: true,
    sameSite: 'Lax',
  });
}

/** Who is calling and from where, for use cases. */
export function callerOf(c: Context<AppEnv>, deps: Pick<AppDeps, 'clientAddress'>): Caller {
  return { principal: c.get('principal'), ip: deps.clientAddress(c), userAgent: c.req.header('user-agent') ?? '' };
}
