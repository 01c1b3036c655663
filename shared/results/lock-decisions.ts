import type { Caller } from '../access/caller';
import { callerIdentity } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { editionSubject, getEdition } from '../editions/edition-store';
import type { Deliberation } from './results';
import { initialDeliberation, loadResultsInput } from './results-input';
import { assertDeliberating } from './results-guards';
import { saveDeliberation } from './results-store';
import { resultsTable } from './results-table';

export interface LockDecisionsInput {
  caller: Caller;
  editionId: string;
  /** The deliberation's version the organizer saw. */
  version: number;
}

/**
 * Locks the chapter's decisions (issue 14 §3): from now on nothing about the outcome can change until
 * an organizer unlocks it, and the results can be published. The audit entry keeps the counts.
 */
export async function lockDecisions(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: LockDecisionsInput,
): Promise<Deliberation> {
  const [edition, { actor, displayName }] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerIdentity(deps.store, input.caller),
  ]);
  const { input: tableInput, deliberation } = await loadResultsInput(deps, edition);
  assertDeliberating(edition, deliberation);
  const now = deps.clock.now().toISOString();
  const before = deliberation ?? initialDeliberation(edition, now);
  const next: Deliberation = {
    ...before,
    locked: { at: now, by: { ...actor, name: displayName } },
    version: input.version + 1,
    updatedAt: now,
  };
  const rows = resultsTable(tableInput).categories.flatMap((c) => c.rows);
  await saveDeliberation(deps, next, input.version, {
    action: 'results.locked',
    actor,
    subject: editionSubject(edition),
    ip: input.caller.ip,
    details: {
      aggregation: next.aggregation,
      basis: next.basis,
      laureates: rows.filter((r) => r.outcome === 'laureate').length,
      distinctions: rows.filter((r) => r.outcome === 'distinction').length,
      notAwarded: rows.filter((r) => r.outcome === 'notAwarded').length,
    },
  });
  return next;
}
