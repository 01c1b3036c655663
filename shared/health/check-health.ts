import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Store } from '../store/store';
import { keys } from '../store/keys';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { table: 'reachable' | 'unreachable' };
  time: string;
}

/**
 * Reads one sentinel key: cheap, needs only GetItem, and proves the table answers. Any failure —
 * unreachable, throttled, missing table, denied by IAM — is "unavailable" (503) and logged: a probe
 * must never answer 500.
 */
export async function checkHealth(deps: { store: Store; clock: Clock; logger: Logger }): Promise<HealthReport> {
  const time = deps.clock.now().toISOString();
  try {
    await deps.store.get(keys.health());
    return { status: 'ok', checks: { table: 'reachable' }, time };
  } catch (error) {
    deps.logger.warn('health check: table unreachable', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    });
    return { status: 'unavailable', checks: { table: 'unreachable' }, time };
  }
}
