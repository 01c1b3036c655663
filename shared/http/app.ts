import { Hono } from 'hono';
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
import { openApiRoutes } from './openapi/routes';
import { healthRoutes } from './routes/health';
import { routePolicy } from './routes/policy';
import { preferenceRoutes } from './routes/preferences';
import { authRoutes } from './routes/auth';
import { institutionRoutes } from './routes/institutions';
import { editionRoutes } from './routes/editions';
import { applicationRoutes } from './routes/applications';
import { assignmentRoutes } from './routes/assignment';
import { chapterRoutes } from './routes/chapter';
import { expertRoutes } from './routes/expert';
import { reviewRoutes } from './routes/reviews';
import { resultsRoutes } from './routes/results';
import { certificateRoutes } from './routes/certificates';
import { outboxRoutes } from './routes/outbox';
import { userRoutes } from './routes/users';
import { sessionCookieName } from './session-cookie';
import { checkPathParams } from './validation';

/**
 * The one Hono app. functions/api.ts serves it on Lambda; infra/local serves it on Node. Routes are
 * chained so their types flow to the web client through `hc<AppType>`.
 */
export function createApp(deps: AppDeps, options: { policy?: Record<string, AccessRule> } = {}) {
  const app = new Hono<AppEnv>();

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

  const policy = options.policy ?? routePolicy;
  app.use('/api/*', authorize(policy, deps.principals, ownershipChecksFor(deps.store)));
  app.use('/api/*', checkPathParams());

  const routes = app
    .route('/', healthRoutes(deps))
    .route('/', preferenceRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', institutionRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', editionRoutes(deps))
    .route('/', applicationRoutes(deps))
    .route('/', chapterRoutes(deps))
    .route('/', assignmentRoutes(deps))
    .route('/', expertRoutes(deps))
    .route('/', reviewRoutes(deps))
    .route('/', resultsRoutes(deps))
    .route('/', certificateRoutes(deps))
    .route('/', outboxRoutes(deps))
    .route(
      '/',
      openApiRoutes(() => app.routes, { policy, sessionCookie: sessionCookieName(deps.settings) }),
    );

  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', 'No such route')));
  app.onError(errorHandler(deps.logger, deps.settings));
  return routes;
}

export type App = ReturnType<typeof createApp>;
/** The type the web client imports: `hc<AppType>('/')`. */
export type AppType = App;
