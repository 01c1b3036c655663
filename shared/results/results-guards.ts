import type { Edition } from '../editions/edition';
import { invalidState } from '../editions/edition-store';
import type { Deliberation } from './results';
import { lockedMessage } from './results-store';

/**
 * When results may change (issue 14 §3): the method while scoring or deliberating, decisions only while
 * deliberating, nothing once locked (until unlocked) and nothing once published (only a correction).
 */
export function assertMethodChangeable(edition: Edition, deliberation: Deliberation | null): void {
  if (edition.state !== 'review' && edition.state !== 'deliberation')
    throw invalidState({
      pl: 'Sposób liczenia wyników można wybrać tylko w czasie oceny lub obrad Kapituły.',
      en: 'The results method can be chosen only during review or deliberation.',
    });
  assertOpen(deliberation);
}

export function assertDeliberating(edition: Edition, deliberation: Deliberation | null): void {
  if (edition.state !== 'deliberation')
    throw invalidState({
      pl: 'Decyzje Kapituły zapisuje się, gdy edycja jest w stanie „obrady Kapituły”.',
      en: 'The chapter’s decisions are recorded while the edition is in deliberation.',
    });
  assertOpen(deliberation);
}

function assertOpen(deliberation: Deliberation | null): void {
  if (deliberation?.published)
    throw invalidState({
      pl: 'Wyniki są już opublikowane: zmiana jest możliwa tylko jako korekta (nowa wersja z uzasadnieniem).',
      en: 'The results are published: a change is possible only as a correction (a new version with a reason).',
    });
  if (deliberation?.locked) throw invalidState(lockedMessage);
}
