import type { AccessRule } from '../access/policy';
import type { AppDeps } from './deps';
import { appShell, finishApp } from './app-shell';
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
import { publicResultsRoutes } from './routes/public-results';
import { certificateRoutes } from './routes/certificates';
import { outboxRoutes } from './routes/outbox';
import { surveyRoutes } from './routes/surveys';
import { feedbackRoutes } from './routes/feedback';
import { measurementRoutes } from './routes/measurement';
import { userRoutes } from './routes/users';
import { sessionCookieName } from './session-cookie';

/**
 * The one Hono app. functions/api.ts serves it on Lambda (through lazy-app.ts, which loads its route
 * groups on first use); infra/local serves it on Node. Routes are chained so their types flow to the
 * web client through `hc<AppType>`.
 */
export function createApp(deps: AppDeps, options: { policy?: Record<string, AccessRule> } = {}) {
  const policy = options.policy ?? routePolicy;
  const app = appShell(deps, policy);
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
    .route('/', publicResultsRoutes(deps))
    .route('/', certificateRoutes(deps))
    .route('/', surveyRoutes(deps))
    .route('/', feedbackRoutes(deps))
    .route('/', measurementRoutes(deps))
    .route('/', outboxRoutes(deps))
    .route(
      '/',
      openApiRoutes(() => app.routes, { policy, sessionCookie: sessionCookieName(deps.settings) }),
    );
  finishApp(app, deps);
  return routes;
}

export type App = ReturnType<typeof createApp>;
/** The type the web client imports: `hc<AppType>('/')`. */
export type AppType = App;
