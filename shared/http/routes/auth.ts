import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { getMe } from '../../accounts/get-me';
import { login } from '../../accounts/login';
import { PASSWORD_MAX_LENGTH } from '../../accounts/password-rules';
import { logout } from '../../accounts/logout';
import { emailAddress, text } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { Accepted } from '../responses/common';
import { Me, SignedIn } from '../responses/accounts';
import { commonErrors, errorResponse, noContent } from '../schemas';
import { callerOf, clearSessionCookie, deviceTokensOf, setDeviceCookie, setSessionCookie } from '../session-cookie';
import { languages } from '../../language';
import { lazyImport } from '../../platform/lazy';
// Signing in and out and `/api/me` (every signed-in page asks it) load with the group; the rarer account
// flows (invitations, password resets, e-mail checks, the profile) on first use.
const acceptInvitation = lazyImport(() => import('../../accounts/accept-invitation').then((m) => m.acceptInvitation));
const logoutEverywhere = lazyImport(() => import('../../accounts/logout-everywhere').then((m) => m.logoutEverywhere));
const requestPasswordReset = lazyImport(() =>
  import('../../accounts/request-password-reset').then((m) => m.requestPasswordReset),
);
const resendVerification = lazyImport(() =>
  import('../../accounts/resend-verification').then((m) => m.resendVerification),
);
const resetPassword = lazyImport(() => import('../../accounts/reset-password').then((m) => m.resetPassword));
const updateMyProfile = lazyImport(() => import('../../accounts/update-my-profile').then((m) => m.updateMyProfile));
const verifyEmail = lazyImport(() => import('../../accounts/verify-email').then((m) => m.verifyEmail));

const Credentials = z.object({
  email: z.string().check(z.maxLength(254)),
  password: z.string().check(z.maxLength(PASSWORD_MAX_LENGTH * 4)),
});
const TokenInput = z.object({ token: z.string().check(z.maxLength(200)) });
const NewPassword = z.object({
  token: z.string().check(z.maxLength(200)),
  password: z.string().check(z.maxLength(PASSWORD_MAX_LENGTH * 4)),
});
const EmailOnly = z.object({ email: emailAddress });
const MyProfile = z.object({ displayName: text(200), language: z.enum(languages), version: z.number().check(z.int()) });
const tags = ['accounts'];

export const authRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/api/auth/login',
      describe({
        summary: 'Log in: sets the session cookie',
        operationId: 'login',
        tags,
        responses: {
          200: { description: 'Signed in', schema: SignedIn },
          401: errorResponse('Wrong e-mail or password (the same answer for an unknown e-mail)'),
          403: errorResponse('E-mail address not confirmed yet'),
          429: errorResponse('Too many failures: wait Retry-After seconds'),
          ...commonErrors,
        },
      }),
      validate('json', Credentials),
      async (c) => {
        const deviceTokens = deviceTokensOf(c, deps.settings);
        const { user, token, maxAgeSeconds, device } = await login(deps, {
          ...c.req.valid('json'),
          deviceTokens,
          caller: callerOf(c, deps),
        });
        setSessionCookie(c, deps.settings, token, maxAgeSeconds);
        setDeviceCookie(c, deps.settings, device.token, device.maxAgeSeconds);
        return c.json({ user }, 200);
      },
    )
    .post(
      '/api/auth/logout',
      describe({
        summary: 'Log out: ends this session and clears the cookie',
        operationId: 'logout',
        tags,
        responses: { 204: noContent, ...commonErrors },
      }),
      async (c) => {
        await logout(deps, { caller: callerOf(c, deps) });
        clearSessionCookie(c, deps.settings);
        return c.body(null, 204);
      },
    )
    .post(
      '/api/auth/logout-everywhere',
      describe({
        summary: 'End every session of this account, on every device',
        operationId: 'logoutEverywhere',
        tags,
        responses: {
          200: { description: 'Sessions ended', schema: z.object({ ended: z.number() }) },
          ...commonErrors,
        },
      }),
      async (c) => {
        const result = await logoutEverywhere(deps, { caller: callerOf(c, deps) });
        clearSessionCookie(c, deps.settings);
        return c.json(result, 200);
      },
    )
    .get(
      '/api/me',
      describe({
        summary: 'The signed-in account (and its institution)',
        operationId: 'getMe',
        tags,
        responses: {
          200: { description: 'The account', schema: Me },
          ...commonErrors,
        },
      }),
      async (c) => c.json(await getMe(deps, { caller: callerOf(c, deps) }), 200),
    )
    .put(
      '/api/me',
      describe({
        summary: 'Change one’s own name and language (optimistic locking on version)',
        operationId: 'updateMyProfile',
        tags,
        responses: {
          200: { description: 'Saved', schema: SignedIn },
          409: errorResponse('Stale version: changed meanwhile'),
          ...commonErrors,
        },
      }),
      validate('json', MyProfile),
      async (c) =>
        c.json({ user: await updateMyProfile(deps, { ...c.req.valid('json'), caller: callerOf(c, deps) }) }, 200),
    )
    .post(
      '/api/auth/verify-email',
      describe({
        summary: 'Confirm the e-mail address with the link’s token',
        operationId: 'verifyEmail',
        tags,
        responses: { 204: noContent, ...commonErrors },
      }),
      validate('json', TokenInput),
      async (c) => {
        await verifyEmail(deps, c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .post(
      '/api/auth/verify-email/resend',
      describe({
        summary: 'Send a new confirmation link (same answer for any address)',
        operationId: 'resendVerification',
        tags,
        responses: {
          202: { description: 'Accepted', schema: Accepted },
          429: errorResponse('Too many account e-mails for this address or from this client: wait Retry-After seconds'),
          ...commonErrors,
        },
      }),
      validate('json', EmailOnly),
      async (c) => {
        await resendVerification(deps, { ...c.req.valid('json'), caller: callerOf(c, deps) });
        return c.json({ accepted: true }, 202);
      },
    )
    .post(
      '/api/auth/password-reset',
      describe({
        summary: 'Mail a password-reset link (same answer for any address)',
        operationId: 'requestPasswordReset',
        tags,
        responses: {
          202: { description: 'Accepted', schema: Accepted },
          429: errorResponse('Too many account e-mails for this address or from this client: wait Retry-After seconds'),
          ...commonErrors,
        },
      }),
      validate('json', EmailOnly),
      async (c) => {
        await requestPasswordReset(deps, { ...c.req.valid('json'), caller: callerOf(c, deps) });
        return c.json({ accepted: true }, 202);
      },
    )
    .post(
      '/api/auth/password-reset/complete',
      describe({
        summary: 'Set a new password with the link’s token; ends every session',
        operationId: 'resetPassword',
        tags,
        responses: { 204: noContent, ...commonErrors },
      }),
      validate('json', NewPassword),
      async (c) => {
        await resetPassword(deps, { ...c.req.valid('json'), caller: callerOf(c, deps) });
        return c.body(null, 204);
      },
    )
    .post(
      '/api/auth/invitations/accept',
      describe({
        summary: 'Accept an invitation: set a password and sign in',
        operationId: 'acceptInvitation',
        tags,
        responses: { 200: { description: 'Signed in', schema: SignedIn }, ...commonErrors },
      }),
      validate('json', z.extend(NewPassword, { displayName: z.optional(text(200)) })),
      async (c) => {
        const { user, token, maxAgeSeconds } = await acceptInvitation(deps, {
          ...c.req.valid('json'),
          caller: callerOf(c, deps),
        });
        setSessionCookie(c, deps.settings, token, maxAgeSeconds);
        return c.json({ user }, 200);
      },
    );
