import { type Caller, signedIn } from '../access/caller';
import { findExpertAssignment } from '../assignment/assignment-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { maxTotal } from '../editions/rubric';
import { keys } from '../store/keys';
import { sheetTotal } from './scoring';
import type { SheetStatus } from './sheet';
import { findSheetsByKeys } from './sheet-store';
import { comparePolish } from '../text/polish-order';

export interface MyReview {
  applicationId: string;
  institutionName: string;
  /** 'new' until the first save. */
  status: SheetStatus | 'new';
  total: number | null;
  updatedAt: string | null;
  reopened: { reason: string; at: string } | null;
}

/**
 * The expert's to-do list in an edition (issue 13): each assigned, unflagged application with the state
 * of their own sheet — one BatchGet of their sheets, never anyone else's.
 */
export async function listMyReviews(
  deps: Pick<Deps, 'store'>,
  input: { caller: Caller; editionId: string },
): Promise<{ deadline: string; state: string; maxTotal: number; items: MyReview[] }> {
  const me = signedIn(input.caller);
  const [edition, { mine }] = await Promise.all([
    getEdition(deps.store, input.editionId),
    findExpertAssignment(deps.store, input.editionId, me.userId),
  ]);
  const pairs = (mine?.pairs ?? []).filter((p) => !p.flagged);
  const sheets = await findSheetsByKeys(
    deps.store,
    pairs.map((p) => keys.sheet(p.applicationId, me.userId)),
  );
  const byApplication = new Map(sheets.map((s) => [s.applicationId, s]));
  return {
    deadline: edition.timeline.reviewEnd,
    state: edition.state,
    maxTotal: maxTotal(edition.rubric),
    items: pairs
      .map((p): MyReview => {
        const sheet = byApplication.get(p.applicationId);
        return {
          applicationId: p.applicationId,
          institutionName: p.institutionName,
          status: sheet?.status ?? 'new',
          total: sheet ? sheetTotal(edition.rubric, sheet).total : null,
          updatedAt: sheet?.updatedAt ?? null,
          reopened:
            sheet?.status === 'draft' && sheet.reopened
              ? { reason: sheet.reopened.reason, at: sheet.reopened.at }
              : null,
        };
      })
      .sort((a, b) => comparePolish(a.institutionName, b.institutionName)),
  };
}
