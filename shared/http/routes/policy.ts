import type { AccessRule } from '../../access/policy';

/**
 * THE access policy: every route registered on the app, keyed "METHOD /path" exactly as registered.
 * The authorize middleware enforces it; a route without a line here is refused (fail closed), and
 * test/unit/access-policy.test.ts fails when a registered route has no rule or a rule has no route.
 */
export const routePolicy: Record<string, AccessRule> = {
  'GET /api/health': { access: 'public' },
  'PUT /api/preferences/language': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/docs': { access: 'public' },
};
