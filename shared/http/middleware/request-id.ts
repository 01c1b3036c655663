import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';

/**
 * On Lambda the id is always API Gateway's own (`requestContext.requestId`): a client-sent
 * X-Request-Id must not be able to impersonate it in the logs. Elsewhere (local server, tests) a
 * well-formed X-Request-Id is kept, or a UUID is made. Echoed in the X-Request-Id response header.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const env = c.env as { requestContext?: { requestId?: unknown } } | undefined;
    const fromGateway = env?.requestContext?.requestId;
    const fromClient = c.req.header('x-request-id');
    const id =
      typeof fromGateway === 'string' && fromGateway.length > 0
        ? fromGateway
        : fromClient && /^[\w\-=.]{1,128}$/.test(fromClient)
          ? fromClient
          : crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
