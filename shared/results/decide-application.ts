import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import type { Message } from '../editions/localized';
import { AppError } from '../errors';
import type { Outcome } from './outcome';
import type { Decision } from './results';
import { loadResultsInput } from './results-input';
import { assertDeliberating } from './results-guards';
import { saveDecision } from './results-store';
import { resultsTable } from './results-table';

export interface DecideApplicationInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  outcome: Outcome;
  reason?: string;
  /** The decision's version the organizer saw (0: none recorded yet). */
  version: number;
}

const reasonNeeded: Message = {
  pl: 'Podaj uzasadnienie: decyzja różni się od wyniku obliczonego z ocen albo przyznaje wyróżnienie.',
  en: 'Give a reason: the decision differs from the computed outcome or grants a distinction.',
};

/**
 * Records the chapter's decision about one application while deliberating (issue 14 §3). Overriding
 * the computed outcome — and every distinction — needs a written reason; the change is audited with
 * the computed outcome beside it.
 */
export async function decideApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: DecideApplicationInput,
): Promise<Decision> {
  const [edition, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerActor(deps.store, input.caller),
  ]);
  const { input: tableInput, deliberation } = await loadResultsInput(deps, edition);
  assertDeliberating(edition, deliberation);
  const row = resultsTable(tableInput)
    .categories.flatMap((c) => c.rows)
    .find((r) => r.applicationId === input.applicationId);
  if (!row) throw new AppError('NOT_FOUND', `Application ${input.applicationId} takes no part in the results`);
  const reason = input.reason?.trim() || undefined;
  if ((input.outcome !== row.computed || input.outcome === 'distinction') && !reason)
    throw new AppError('VALIDATION_FAILED', reasonNeeded.en, { fields: { reason: reasonNeeded } });
  const decision: Decision = {
    editionId: input.editionId,
    applicationId: input.applicationId,
    outcome: input.outcome,
    ...(reason ? { reason } : {}),
    by: actor,
    at: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveDecision(deps, decision, input.version, {
    action: 'results.decided',
    actor,
    subject: { type: 'application', id: row.applicationId, label: row.name },
    ip: input.caller.ip,
    before: { outcome: row.decision?.outcome ?? row.computed },
    after: { outcome: decision.outcome, ...(reason ? { reason } : {}) },
    details: { computed: row.computed, percent: row.percent, editionId: input.editionId },
  });
  return decision;
}
