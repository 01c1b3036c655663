import { isAppError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Store } from '../store/store';
import { keys } from '../store/keys';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { table: 'reachable' | 'unreachable' };
  time: string;
}

/** Reads one sentinel key: cheap, needs only GetItem, and proves the table answers. */
export async function checkHealth(deps: { store: Store; clock: Clock }): Promise<HealthReport> {
  const time = deps.clock.now().toISOString();
  try {
    await deps.store.get(keys.health());
    return { status: 'ok', checks: { table: 'reachable' }, time };
  } catch (error) {
    if (isAppError(error) && (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'THROTTLED')) {
      return { status: 'unavailable', checks: { table: 'unreachable' }, time };
    }
    throw error;
  }
}
