import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import {
  type AccessRule,
  decide,
  type Loaded,
  ownershipChecks,
  type OwnershipChecks,
  ownershipReads,
  type ReadsBeside,
} from '../../access/policy';
import type { Principal } from '../../access/principal';
import { AppError } from '../../errors';
import type { AppEnv } from '../deps';

/**
 * Who is calling. Given `beside`, a resolver that reads a session reads its keys in the same call and
 * sets `beside.read` once the session holds (session-cookie.ts); one that reads nothing ignores it.
 */
export type PrincipalResolver = (c: Context<AppEnv>, beside?: ReadsBeside) => Promise<Principal>;

/** The endpoint this request matched: the last matched route that is not `use()` middleware. */
export function matchedEndpoint(c: Context): { method: string; path: string } | undefined {
  const endpoints = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return endpoints[endpoints.length - 1];
}

/**
 * Path parameters of the endpoint: a `use('*')` middleware runs before the endpoint and Hono gives it
 * only its own (empty) params, so they are read by laying the endpoint's pattern over the path.
 */
export function endpointParams(pattern: string, path: string): Record<string, string> {
  const params: Record<string, string> = {};
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  patternParts.forEach((part, i) => {
    const name = /^:(\w+)/.exec(part)?.[1];
    const value = pathParts[i];
    if (name && value !== undefined && value !== '') {
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        params[name] = value;
      }
    }
  });
  return params;
}

/**
 * The one enforcement point of the route policy. Handlers never re-check roles; they read the
 * principal from `c.get('principal')`. Unmatched paths fall through to the 404/405 handling.
 */
export function authorize(
  policy: Record<string, AccessRule>,
  resolvePrincipal: PrincipalResolver,
  checks: OwnershipChecks = ownershipChecks,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const endpoint = matchedEndpoint(c);
    if (!endpoint) return next();
    const rule = policy[`${endpoint.method} ${endpoint.path}`];
    if (!rule) throw new AppError('FORBIDDEN', `No access rule for ${endpoint.method} ${endpoint.path}`);
    const params = endpointParams(endpoint.path, c.req.path);
    const beside = ownershipReads(rule, params);
    const principal = await resolvePrincipal(c, beside);
    c.set('principal', principal);
    const loaded: Loaded = beside?.read ? { read: beside.read } : {};
    const decision = await decide(rule, principal, params, checks, loaded);
    if (decision === 'unauthenticated') throw new AppError('UNAUTHENTICATED', 'Sign-in required');
    if (decision === 'forbidden') throw new AppError('FORBIDDEN', 'Role may not call this route');
    if (decision === 'notFound') throw new AppError('NOT_FOUND', 'Not found or not yours');
    // What the check read is the route's; the items read beside the session stay here (a later read
    // must go to the table, not to them).
    c.set('loaded', { application: loaded.application, member: loaded.member });
    await next();
  };
}
