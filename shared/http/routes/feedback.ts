import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { FeedbackInput } from '../../feedback/feedback';
import { lazyImport } from '../../platform/lazy';
import type { AppDeps, AppEnv, AppSettings } from '../deps';
import { describe, validate } from '../openapi/describe';
import { FeedbackReceipt, PublicFeedbackSchema } from '../responses/feedback';
import { commonErrors, errorResponse } from '../schemas';
import { callerOf } from '../session-cookie';

const submitFeedback = lazyImport(() => import('../../feedback/submit-feedback').then((m) => m.submitFeedback));
const trackFeedback = lazyImport(() => import('../../feedback/track-feedback').then((m) => m.trackFeedback));

const publicTags = ['public feedback'];

/** The sender cookie (feedback/submit-feedback.ts): a signed random id, HttpOnly, sent only to the public institution routes. */
const senderCookie = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Secure-feedback-sender' : 'feedback-sender';

/** Residents' feedback with tracking codes (issue 18 §6): sending and tracking without an account; the office's inbox. */
export const feedbackRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/api/public/institutions/:institutionId/feedback',
      describe({
        summary:
          'Send a complaint, suggestion or praise to an office without an account; answers the tracking code (limited per browser and per address; no address or user agent stored)',
        operationId: 'submitFeedback',
        tags: publicTags,
        responses: {
          201: { description: 'Received: the tracking code, shown once', schema: FeedbackReceipt },
          429: errorResponse('Too much feedback from this browser or address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      validate('json', FeedbackInput),
      async (c) => {
        const name = senderCookie(deps.settings);
        const { trackingCode, sender } = await submitFeedback(deps, {
          institutionId: c.req.param('institutionId'),
          feedback: c.req.valid('json'),
          caller: callerOf(c, deps),
          senderToken: getCookie(c, name),
        });
        setCookie(c, name, sender.token, {
          path: '/api/public/institutions',
          httpOnly: true,
          secure: deps.settings.secureCookies,
          sameSite: 'Strict',
          maxAge: sender.maxAgeSeconds,
        });
        c.header('Cache-Control', 'no-store');
        return c.json({ trackingCode }, 201);
      },
    )
    // The parameter is named `…Id` so the one path-parameter table (schemas.ts) bounds it as an id: a
    // typed code with spaces is normalized by the page before it is sent.
    .get(
      '/api/public/feedback/:trackingId',
      describe({
        summary:
          'A feedback’s status by its tracking code: category, status, dates and the public answer (lookups limited per address; unknown codes block)',
        operationId: 'trackFeedback',
        tags: publicTags,
        responses: {
          200: { description: 'The status', schema: PublicFeedbackSchema },
          429: errorResponse('Too many lookups from this address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await trackFeedback(deps, { code: c.req.param('trackingId'), caller: callerOf(c, deps) }), 200);
      },
    );
