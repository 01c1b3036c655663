import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { editionSubject, getEdition } from '../editions/edition-store';
import type { Aggregation, Basis } from './aggregate';
import type { Deliberation } from './results';
import { initialDeliberation } from './results-input';
import { assertMethodChangeable } from './results-guards';
import { findDeliberation, saveDeliberation } from './results-store';

export interface SetResultsMethodInput {
  caller: Caller;
  editionId: string;
  aggregation: Aggregation;
  basis: Basis;
  /** The deliberation's version the organizer saw (0 before anything was chosen). */
  version: number;
}

/**
 * The organizer chooses which result decides — raw or calibrated, mean or median — before the
 * decisions are locked (issue 14 §1). Both stay visible side by side; the choice is audited.
 */
export async function setResultsMethod(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: SetResultsMethodInput,
): Promise<Deliberation> {
  const [edition, found, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    findDeliberation(deps.store, input.editionId, true),
    callerActor(deps.store, input.caller),
  ]);
  assertMethodChangeable(edition, found);
  const now = deps.clock.now().toISOString();
  const before = found ?? initialDeliberation(edition, now);
  const next: Deliberation = {
    ...before,
    aggregation: input.aggregation,
    basis: input.basis,
    version: input.version + 1,
    updatedAt: now,
  };
  await saveDeliberation(deps, next, input.version, {
    action: 'results.methodChanged',
    actor,
    subject: editionSubject(edition),
    ip: input.caller.ip,
    before: { aggregation: before.aggregation, basis: before.basis },
    after: { aggregation: next.aggregation, basis: next.basis },
  });
  return next;
}
