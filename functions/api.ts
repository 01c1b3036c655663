import { handle } from 'hono/aws-lambda';
import { readConfig } from '../shared/config';
import { createApp } from '../shared/http/app';
import { cloudDeps } from './cloud-deps';

/** API Gateway HTTP API (payload 2.0) → the one Hono app. */
export const app = createApp(cloudDeps(readConfig()));
export const handler = handle(app);
