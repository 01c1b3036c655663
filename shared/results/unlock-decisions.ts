import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { editionSubject, getEdition, invalidState } from '../editions/edition-store';
import type { Deliberation } from './results';
import { findDeliberation, saveDeliberation } from './results-store';

export interface UnlockDecisionsInput {
  caller: Caller;
  editionId: string;
  version: number;
}

/** Unlocks the decisions before publication (a late finding of the chapter); audited. */
export async function unlockDecisions(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: UnlockDecisionsInput,
): Promise<Deliberation> {
  const [edition, found, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    findDeliberation(deps.store, input.editionId, true),
    callerActor(deps.store, input.caller),
  ]);
  if (found?.published)
    throw invalidState({
      pl: 'Wyniki są już opublikowane: zmiana jest możliwa tylko jako korekta.',
      en: 'The results are published: a change is possible only as a correction.',
    });
  if (!found?.locked) throw invalidState({ pl: 'Decyzje nie są zatwierdzone.', en: 'The decisions are not locked.' });
  const { locked: _locked, ...rest } = found;
  const next: Deliberation = { ...rest, version: input.version + 1, updatedAt: deps.clock.now().toISOString() };
  await saveDeliberation(deps, next, input.version, {
    action: 'results.unlocked',
    actor,
    subject: editionSubject(edition),
    ip: input.caller.ip,
  });
  return next;
}
