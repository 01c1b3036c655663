import { listEditionHeaders } from '../applications/application-list-store';
import { pairsOf } from '../assignment/assignment';
import { listExpertAssignments } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { resultsSettingsOf } from '../editions/edition';
import { sheetsOfEdition } from '../reviews/sheet-store';
import type { Deliberation } from './results';
import { findDeliberation, listDecisions } from './results-store';
import type { ResultsTableInput } from './results-table';

/**
 * What the results of an edition are computed from, read by Query only (never a Scan): the edition's
 * applications (gsi2), its sheets (gsi1), the committed assignment (its generation) and the decisions
 * (the edition's partition). Only formally accepted applications take part, and only the submitted
 * sheets of the current, unflagged pairs count (a replaced expert's sheet does not).
 */
export async function loadResultsInput(
  deps: Pick<Deps, 'store'>,
  edition: Edition,
  deliberation?: Deliberation | null,
): Promise<{ input: ResultsTableInput; deliberation: Deliberation | null }> {
  const [headers, { experts }, sheets, decisions, found] = await Promise.all([
    listEditionHeaders(deps.store, edition.editionId),
    listExpertAssignments(deps.store, edition.editionId),
    sheetsOfEdition(deps.store, edition.editionId),
    listDecisions(deps.store, edition.editionId),
    deliberation === undefined ? findDeliberation(deps.store, edition.editionId, true) : Promise.resolve(deliberation),
  ]);
  const counted = new Set(
    pairsOf(experts)
      .filter((p) => !p.flagged)
      .map((p) => `${p.applicationId} ${p.userId}`),
  );
  const method = methodOf(edition, found);
  return {
    deliberation: found,
    input: {
      edition,
      ...method,
      applications: headers.filter((h) => h.status === 'accepted'),
      sheets: sheets.filter((s) => s.status === 'submitted' && counted.has(`${s.applicationId} ${s.expertId}`)),
      decisions,
    },
  };
}

/** The deciding method: the deliberation's when chosen, else the edition's default aggregation on raw scores. */
export function methodOf(edition: Edition, deliberation: Deliberation | null) {
  return deliberation
    ? { aggregation: deliberation.aggregation, basis: deliberation.basis }
    : { aggregation: resultsSettingsOf(edition).aggregation, basis: 'raw' as const };
}

/** A deliberation not written yet: the edition's defaults, version 0. */
export function initialDeliberation(edition: Edition, now: string): Deliberation {
  return { editionId: edition.editionId, ...methodOf(edition, null), version: 0, updatedAt: now };
}
