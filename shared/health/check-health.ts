import type { Deps } from '../deps';
import { probeTable } from './health-store';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { table: 'reachable' | 'unreachable' };
  /** Why the table is unreachable, when the platform knows (the local database is being restarted). */
  reason?: string;
  time: string;
}

/** What the runtime knows about its database beyond a probe: why it is down, while it is; else null. */
export type DatabaseOutage = () => string | null;

export type CheckHealthDeps = Pick<Deps, 'store' | 'clock' | 'logger'> & { databaseOutage?: DatabaseOutage };

/**
 * Reads one sentinel key: cheap, needs only GetItem, and proves the table answers. Any failure —
 * unreachable, throttled, missing table, denied by IAM — is "unavailable" (503) and logged: a probe
 * must never answer 500. A known outage (the local JVM died and is being restarted) is answered
 * with its reason, without probing. It takes no input: the question is the same every time.
 */
export async function checkHealth(deps: CheckHealthDeps): Promise<HealthReport> {
  const time = deps.clock.now().toISOString();
  const outage = deps.databaseOutage?.() ?? null;
  if (outage !== null) return { status: 'unavailable', checks: { table: 'unreachable' }, reason: outage, time };
  try {
    await probeTable(deps.store);
    return { status: 'ok', checks: { table: 'reachable' }, time };
  } catch (error) {
    deps.logger.warn('health check: table unreachable', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    });
    return { status: 'unavailable', checks: { table: 'unreachable' }, time };
  }
}
