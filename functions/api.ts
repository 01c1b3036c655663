import { handle } from 'hono/aws-lambda';
import { readConfig } from '../shared/config';
import { createLazyApp } from '../shared/http/lazy-app';
import { originSecretsFromEnv, requireOriginSecret } from '../shared/http/middleware/origin-secret';
import { cloudDeps } from './cloud-deps';

/**
 * API Gateway HTTP API (payload 2.0) → the one Hono app, its route groups loaded on first use
 * (shared/http/lazy-app.ts), so a cold start reads only the code of the request's own group.
 * Only requests that came through CloudFront (which adds the origin secret) reach it.
 */
const deps = cloudDeps(readConfig());
export const app = createLazyApp(deps);
export const handler = handle(requireOriginSecret(app, originSecretsFromEnv(process.env), deps.logger));
