import { handle } from 'hono/aws-lambda';
import { readConfig } from '../shared/config';
import { createLazyApp } from '../shared/http/lazy-app';
import { cloudDeps } from './cloud-deps';

/**
 * API Gateway HTTP API (payload 2.0) → the one Hono app, its route groups loaded on first use
 * (shared/http/lazy-app.ts), so a cold start reads only the code of the request's own group.
 */
export const app = createLazyApp(cloudDeps(readConfig()));
export const handler = handle(app);
