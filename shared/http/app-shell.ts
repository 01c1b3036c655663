import { Hono } from 'hono/quick';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors';
import type { AppDeps, AppEnv } from './deps';
import { requestLanguage } from './language';
import { pageHeaderValues, strictTransportSecurity } from './page-headers';
import type { AccessRule } from '../access/policy';
import { ownershipChecksFor } from '../access/policy';
import { authorize } from './middleware/authorize';
import { errorHandler, errorResponse } from './middleware/error-handler';
import { requestId } from './middleware/request-id';
import { requestLog } from './middleware/request-log';
import { routePolicy } from './routes/policy';
import { checkPathParams } from './validation';

/**
 * Everything of the app but its routes: the middleware every request passes (request id, log,
 * language, security headers, body limit, CSRF, 405, authorization, path checks). The eager app
 * (createApp) and each lazily loaded route group (lazy-app.ts) are this shell plus routes, then
 * {@link finishApp}, so a request meets the same rules either way.
 */
export function appShell(deps: AppDeps, policy: Record<string, AccessRule> = routePolicy) {
  const app = new Hono<AppEnv>();

  // The request as it arrived: the body limit below may wrap it in a new Request, and the lazy app
  // (lazy-app.ts) finds the session it read early by the one it forwarded.
  app.use('*', async (c, next) => {
    c.set('arrived', c.req.raw);
    await next();
  });
  app.use('*', requestId());
  app.use('*', requestLog(deps.logger));
  app.use('*', async (c, next) => {
    c.set('lang', requestLanguage(c));
    await next();
  });
  app.use(
    '/api/*',
    secureHeaders({
      // JSON and the one docs page (inline style, no script): nothing may load, frame it or post from it.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
      strictTransportSecurity,
      referrerPolicy: pageHeaderValues.referrerPolicy,
      xFrameOptions: pageHeaderValues.frameOptions,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: deps.settings.maxBodyBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Body too large');
    },
  });
  // Attachment bytes (local upload route) have their own, larger limit on the route itself.
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/uploads/') ? next() : jsonBodyLimit(c, next)));
  // CSRF: a state-changing request that a browser could send cross-site without a CORS preflight
  // (form or text content types) must come from our own origin, by Sec-Fetch-Site or Origin. JSON
  // bodies need a preflight, which this API never grants (it sends no CORS headers at all).
  const csrfCheck = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || deps.settings.trustedOrigins.includes(origin),
    secFetchSite: ['same-origin', 'none'],
  });
  // Its own error code, so a cross-site refusal never reads like a missing role.
  app.use('/api/*', async (c, next) => {
    let passed = false;
    try {
      await csrfCheck(c, async () => {
        passed = true;
      });
    } catch (error) {
      if (!passed) throw new AppError('CSRF_REJECTED', 'Cross-site request refused', { cause: error });
      throw error;
    }
    if (passed) await next();
  });
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          new AppError('METHOD_NOT_ALLOWED', 'Method not allowed', { headers: { Allow: methods.join(', ') } }),
        ),
    }),
  );

  app.use('/api/*', authorize(policy, deps.principals, ownershipChecksFor(deps.store)));
  app.use('/api/*', checkPathParams());

  return app;
}

/** The answers for no route (404) and for errors, added after the routes. */
export function finishApp(app: Hono<AppEnv>, deps: AppDeps): void {
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', 'No such route')));
  app.onError(errorHandler(deps.logger, deps.settings));
}
