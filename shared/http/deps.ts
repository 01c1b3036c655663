import type { Context } from 'hono';
import type { Loaded } from '../access/policy';
import type { Principal } from '../access/principal';
import type { Deps, Settings } from '../deps';
import type { DatabaseOutage } from '../health/check-health';
import type { Language } from '../language';
import type { PrincipalResolver } from './middleware/authorize';

/** The platform's deps plus what only the HTTP layer needs: who is calling and from where. */
export interface AppDeps extends Deps {
  /** Who is calling: the session cookie's account (sessionPrincipals), or a test double. */
  principals: PrincipalResolver;
  /** The client's address as the platform sees it (API Gateway's source IP, the socket locally). */
  clientAddress: (c: Context) => string;
  /** Locally: why the database is down while DynamoDB Local is being restarted (for /api/health). */
  databaseOutage?: DatabaseOutage;
}

export type AppSettings = Settings;

export interface AppEnv {
  /** `loaded`: what the route's ownership check already read (shared/access/policy.ts `Loaded`). */
  Variables: { arrived: Request; requestId: string; lang: Language; principal: Principal; loaded: Loaded };
}
