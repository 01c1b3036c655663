import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono/quick';
import { required, type Env } from '../../config';
import { AppError } from '../../errors';
import type { Logger } from '../../platform/logger';
import type { AppEnv } from '../deps';
import { errorResponse } from './error-handler';
import { requestId } from './request-id';

/** The header CloudFront adds to every request it sends to the API origin (infra/constructs/web.ts). */
export const originSecretHeader = 'x-origin-verify';
/** Which generation of the secret CloudFront sends: no secret, only a number that helps during a rotation. */
export const originGenerationHeader = 'x-origin-secret-generation';

/** The values the api accepts: the current one and, during a rotation, the previous one (docs/operations.md). */
export interface OriginSecrets {
  readonly current: string;
  readonly previous?: string;
}

/** From the environment CDK sets: ORIGIN_SECRET, and ORIGIN_SECRET_PREVIOUS while a rotation runs. */
export function originSecretsFromEnv(env: Env): OriginSecrets {
  const previous = env.ORIGIN_SECRET_PREVIOUS?.trim();
  return { current: required(env, 'ORIGIN_SECRET'), ...(previous ? { previous } : {}) };
}

interface Fetchable {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The app as only CloudFront may reach it: a request without the origin secret (someone calling the
 * execute-api URL directly, who could also forge CloudFront-Viewer-Address) is refused with 403 and
 * logged — without the value it carried. Digests of equal length are compared in constant time, each
 * accepted value every time. Reads nothing but the environment, so a cold start pays no AWS call.
 */
export function requireOriginSecret(app: Fetchable, secrets: OriginSecrets, logger: Logger) {
  const accepted = [secrets.current, secrets.previous].filter((s): s is string => !!s).map(digest);
  const isAccepted = (presented: string) => {
    const value = digest(presented);
    let match = false;
    for (const secret of accepted) match = timingSafeEqual(secret, value) || match;
    return match;
  };

  const guarded = new Hono<AppEnv>();
  guarded.use('*', requestId());
  guarded.all('*', (c) => {
    const presented = c.req.header(originSecretHeader);
    if (presented !== undefined && isAccepted(presented)) return app.fetch(c.req.raw, c.env);
    logger.warn('request refused: no valid origin secret (not through CloudFront)', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      originHeader: presented === undefined ? 'missing' : 'wrong',
      generation: c.req.header(originGenerationHeader) ?? null,
    });
    return errorResponse(c, new AppError('FORBIDDEN', 'Not through CloudFront'));
  });
  return guarded;
}
