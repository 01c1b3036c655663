import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { checkHealth } from '../../health/check-health';
import type { AppDeps, AppEnv } from '../deps';
import { component } from '../openapi/component-names';
import { describe } from '../openapi/describe';
import { commonErrors } from '../schemas';

const HealthReport = component(
  'HealthReport',
  z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ table: z.enum(['reachable', 'unreachable']) }),
    reason: z.optional(z.string()),
    time: z.iso.datetime(),
  }),
);

export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get(
    '/api/health',
    describe({
      summary: 'Liveness and table reachability',
      operationId: 'getHealth',
      tags: ['platform'],
      responses: {
        200: { description: 'The API runs and the table answers', schema: HealthReport },
        503: { description: 'The table is not reachable (with the reason, when known)', schema: HealthReport },
        500: commonErrors[500],
      },
    }),
    async (c) => {
      const report = await checkHealth(deps);
      c.header('Cache-Control', 'no-store');
      if (report.status === 'ok') return c.json(report, 200);
      c.header('Retry-After', '5');
      return c.json(report, 503);
    },
  );
