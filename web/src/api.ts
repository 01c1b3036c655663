import { hc } from 'hono/client';
import type { AppType } from '../../shared/http/app';

/** The typed client: request and response types come from the server's routes, never redeclared. */
export const api = hc<AppType>('/');
