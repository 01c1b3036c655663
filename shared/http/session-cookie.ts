import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Caller } from '../access/caller';
import { type ResolveSessionDeps, resolveSession } from '../accounts/resolve-session';
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
  deps: ResolveSessionDeps & { settings: Pick<AppSettings, 'secureCookies'> },
): PrincipalResolver {
  return async (c, beside) => {
    const { principal, read } = await resolveSession(deps, {
      token: getCookie(c, sessionCookieName(deps.settings)),
      alsoRead: beside?.keys,
    });
    if (beside && read) beside.read = read;
    return principal;
  };
}

/**
 * "Someone signed in on this browser": a cookie the web app can read (not HttpOnly) and that holds
 * no secret (its value is just `1`), set and cleared with the session cookie. Without it the app
 * knows the visitor is anonymous and does not ask `/api/me` (no 401 in the console of every public
 * page, one request fewer on a QR-code visit). A stale hint (the session ended elsewhere) costs one
 * 401, after which the app deletes it. The session itself is still only the HttpOnly cookie.
 */
export const signedInHintName = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Host-signedin' : 'signedin';

export function setSessionCookie(c: Context, settings: AppSettings, token: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName(settings), token, {
    path: '/',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'Lax',
    maxAge: maxAgeSeconds,
  });
  setCookie(c, signedInHintName(settings), '1', {
    path: '/',
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
  deleteCookie(c, signedInHintName(settings), { path: '/', secure: settings.secureCookies, sameSite: 'Lax' });
}

/**
 * Known-device tokens (shared/accounts/device-token.ts): one per account that signed in on this
 * browser (a shared office computer serves several clerks), at most five, newest first. HttpOnly and
 * SameSite=Strict: only the login request needs it.
 */
export const deviceCookieName = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Host-device' : 'device';
const MAX_DEVICE_TOKENS = 5;

export function deviceTokensOf(c: Context, settings: AppSettings): string[] {
  const value = getCookie(c, deviceCookieName(settings)) ?? '';
  return value
    .split('~')
    .filter((t) => t.length > 0 && t.length <= 300)
    .slice(0, MAX_DEVICE_TOKENS);
}

/** Keeps this account's new token first, drops its older one (same device id and account) and the oldest beyond five. */
export function setDeviceCookie(c: Context, settings: AppSettings, token: string, maxAgeSeconds: number): void {
  const [deviceId, account] = token.split('.');
  const others = deviceTokensOf(c, settings).filter((t) => {
    const [id, acc] = t.split('.');
    return !(id === deviceId && acc === account) && acc !== account;
  });
  setCookie(c, deviceCookieName(settings), [token, ...others].slice(0, MAX_DEVICE_TOKENS).join('~'), {
    path: '/',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'Strict',
    maxAge: maxAgeSeconds,
  });
}

/** Who is calling and from where, for use cases. */
export function callerOf(c: Context<AppEnv>, deps: Pick<AppDeps, 'clientAddress'>): Caller {
  return { principal: c.get('principal'), ip: deps.clientAddress(c), userAgent: c.req.header('user-agent') ?? '' };
}
