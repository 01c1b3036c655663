import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkHealth } from '../../health/check-health';
import type { AppDeps, AppEnv } from '../deps';
import { commonErrors } from '../schemas';
import { validationHook } from '../validation';

const HealthReport = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ table: z.enum(['reachable', 'unreachable']) }),
    time: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('HealthReport');

export const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['platform'],
  summary: 'Liveness and table reachability',
  responses: {
    200: { description: 'The API runs and the table answers', content: { 'application/json': { schema: HealthReport } } },
    503: { description: 'The table is not reachable', content: { 'application/json': { schema: HealthReport } } },
    500: commonErrors[500],
  },
});

export const healthRoutes = (deps: AppDeps) =>
  new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getHealth, async (c) => {
    const report = await checkHealth(deps);
    c.header('Cache-Control', 'no-store');
    return report.status === 'ok' ? c.json(report, 200) : c.json(report, 503);
  });
