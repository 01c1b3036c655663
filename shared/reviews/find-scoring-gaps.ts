import { pairsOf } from '../assignment/assignment';
import { listExpertAssignments } from '../assignment/assignment-store';
import { countByStatus } from '../applications/application-list-store';
import type { Deps } from '../deps';
import { scoringProgress } from './progress';
import { sheetsOfEdition } from './sheet-store';

export interface ScoringGaps {
  /** Expected sheets (assigned, unflagged pairs) not submitted. */
  missingSheets: number;
  /** Pairs flagged by a conflict and not yet replaced. */
  awaitingReplacement: number;
  /** Applications submitted but never formally checked. */
  unchecked: number;
}

/**
 * What is still missing before the chapter deliberates (issue 13 §8): three Queries — the committed
 * assignment, the edition's sheets (gsi1) and the per-status counts — never a Scan.
 */
export async function findScoringGaps(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { editionId: string; deadline: string },
): Promise<ScoringGaps> {
  const [{ experts }, sheets, counts] = await Promise.all([
    listExpertAssignments(deps.store, input.editionId),
    sheetsOfEdition(deps.store, input.editionId),
    countByStatus(deps.store, input.editionId),
  ]);
  const pairs = pairsOf(experts).map((p) => ({
    applicationId: p.applicationId,
    expertId: p.userId,
    flagged: !!p.flagged,
  }));
  const progress = scoringProgress(pairs, sheets, { now: deps.clock.now(), deadline: input.deadline });
  return {
    missingSheets: progress.applications.reduce((n, a) => n + a.expected - a.submitted, 0),
    awaitingReplacement: progress.applications.reduce((n, a) => n + a.awaitingReplacement, 0),
    unchecked: counts.submitted,
  };
}

export const gapCount = (gaps: ScoringGaps) => gaps.missingSheets + gaps.awaitingReplacement + gaps.unchecked;

/** The 409's words: what is missing, and how to close anyway. */
export function gapsMessage(gaps: ScoringGaps): { pl: string; en: string } {
  const pl: string[] = [];
  const en: string[] = [];
  if (gaps.missingSheets > 0) {
    pl.push(`niezłożone karty ocen: ${gaps.missingSheets}`);
    en.push(`sheets not submitted: ${gaps.missingSheets}`);
  }
  if (gaps.awaitingReplacement > 0) {
    pl.push(`pary czekające na zastępstwo po konflikcie interesów: ${gaps.awaitingReplacement}`);
    en.push(`pairs awaiting replacement after a conflict of interest: ${gaps.awaitingReplacement}`);
  }
  if (gaps.unchecked > 0) {
    pl.push(`zgłoszenia bez oceny formalnej: ${gaps.unchecked}`);
    en.push(`applications never formally checked: ${gaps.unchecked}`);
  }
  const n = gapCount(gaps);
  return {
    pl: `Ocena nie jest zakończona — ${pl.join('; ')}. Aby mimo to przejść do obrad, potwierdź zamknięcie oceny z brakami (${n}).`,
    en: `Scoring is not complete — ${en.join('; ')}. To move to deliberation anyway, confirm closing with the gaps (${n}).`,
  };
}
