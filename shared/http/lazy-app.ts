import { Hono } from 'hono/quick';
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { ownershipReads, type ReadsBeside } from '../access/policy';
import type { Principal } from '../access/principal';
import { appShell, finishApp } from './app-shell';
import type { AppDeps, AppEnv } from './deps';
import { endpointParams } from './middleware/authorize';
import { errorHandler } from './middleware/error-handler';
import { groupPaths } from './route-table';
import { routePolicy } from './routes/policy';

/**
 * The route groups, each loaded with one `import()`. In the api's split bundle (infra/constructs/
 * bundling.ts) each is a chunk of its own, with the use cases and schemas only it needs, so a request
 * reads the code of its own group and of nothing else. The order is createApp's (shared/http/app.ts).
 */
export const routeGroups = {
  health: () => import('./routes/health').then((m) => m.healthRoutes),
  preferences: () => import('./routes/preferences').then((m) => m.preferenceRoutes),
  auth: () => import('./routes/auth').then((m) => m.authRoutes),
  institutions: () => import('./routes/institutions').then((m) => m.institutionRoutes),
  users: () => import('./routes/users').then((m) => m.userRoutes),
  editions: () => import('./routes/editions').then((m) => m.editionRoutes),
  applications: () => import('./routes/applications').then((m) => m.applicationRoutes),
  chapter: () => import('./routes/chapter').then((m) => m.chapterRoutes),
  assignment: () => import('./routes/assignment').then((m) => m.assignmentRoutes),
  expert: () => import('./routes/expert').then((m) => m.expertRoutes),
  reviews: () => import('./routes/reviews').then((m) => m.reviewRoutes),
  results: () => import('./routes/results').then((m) => m.resultsRoutes),
  publicResults: () => import('./routes/public-results').then((m) => m.publicResultsRoutes),
  certificates: () => import('./routes/certificates').then((m) => m.certificateRoutes),
  surveys: () => import('./routes/surveys').then((m) => m.surveyRoutes),
  feedback: () => import('./routes/feedback').then((m) => m.feedbackRoutes),
  measurement: () => import('./routes/measurement').then((m) => m.measurementRoutes),
  outbox: () => import('./routes/outbox').then((m) => m.outboxRoutes),
  // The OpenAPI document describes every route, so this group is the whole eager app (a rare request).
  openapi: () => import('./openapi/routes').then((m) => (_deps: AppDeps) => m.openApiRoutes(() => [])),
} as const;

export type RouteGroupName = keyof typeof routeGroups;

interface Fetchable {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

/** A group as it answers: the same shell (middleware) and error handling as the eager app, plus its routes. */
async function buildGroup(name: RouteGroupName | null, deps: AppDeps): Promise<Fetchable> {
  if (name === 'openapi') return (await import('./app')).createApp(deps);
  const app = appShell(deps);
  if (name) app.route('/', (await routeGroups[name]())(deps));
  finishApp(app, deps);
  return app;
}

/**
 * The app as the api Lambda serves it: a dispatcher that knows every route's method, path and group
 * from the generated route table (route-table.ts; scripts/route-table.ts writes it, a unit test keeps
 * it true) and hands each request to its group's app, built on the group's first request and kept for
 * the life of the process. Paths match in createApp's order, so the same route answers as on the
 * eager app; an unknown path goes to the bare shell (404). The local server and the tests serve the
 * eager createApp.
 */
export function createLazyApp(deps: AppDeps) {
  // Who is calling does not depend on the group's code, so the session is read (one BatchGet, with the
  // route's ownership item: policy.ts's ownershipReads) while the group's chunk loads, and the group's
  // authorize middleware takes that read instead of starting its own: on a cold start the read's round
  // trip overlaps the chunk's loading.
  const early = new WeakMap<Request, { principal: Promise<Principal>; beside?: ReadsBeside }>();
  const groupDeps: AppDeps = {
    ...deps,
    principals: async (c, beside) => {
      const started = early.get(c.get('arrived') ?? c.req.raw);
      if (!started) return deps.principals(c, beside);
      const principal = await started.principal;
      // The same route's rule asks for the same keys; a check whose key is not among them reads its own.
      if (beside && started.beside?.read) beside.read = started.beside.read;
      return principal;
    },
  };
  const built = new Map<RouteGroupName | null, Promise<Fetchable>>();
  const groupApp = (name: RouteGroupName | null): Promise<Fetchable> => {
    let app = built.get(name);
    if (!app) {
      app = buildGroup(name, groupDeps).catch((error: unknown) => {
        built.delete(name); // a chunk that failed to load is tried again by the next request
        throw error;
      });
      built.set(name, app);
    }
    return app;
  };
  const forward = (name: RouteGroupName | null) => async (c: Context<AppEnv>) => {
    if (name !== null) {
      const pattern = routePath(c);
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method; // a HEAD is answered by its GET route
      const beside = ownershipReads(routePolicy[`${method} ${pattern}`], endpointParams(pattern, c.req.path));
      const principal = deps.principals(c, beside);
      principal.catch(() => undefined); // its failure is the request's, met where authorize awaits it
      early.set(c.req.raw, { principal, beside });
    }
    return (await groupApp(name)).fetch(c.req.raw, c.env);
  };

  // Every path belongs to one group (a unit test checks it), so the path alone picks the group; the
  // group's own app then matches the method (or answers 405 with Allow).
  const dispatcher = new Hono<AppEnv>();
  for (const [group, paths] of Object.entries(groupPaths) as [RouteGroupName, string][])
    for (const path of paths.split(' ')) dispatcher.all(`/api${path}`, forward(group));
  dispatcher.notFound(forward(null));
  dispatcher.onError(errorHandler(deps.logger, deps.settings));
  return dispatcher;
}
