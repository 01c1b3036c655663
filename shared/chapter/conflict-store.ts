import * as z from 'zod/mini';
import type { AssignmentHead, ExpertAssignment } from '../assignment/assignment';
import { assignmentChanged, expertAssignmentPut, headUpdate } from '../assignment/assignment-store';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Condition, type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { StoredBid, StoredConflict } from './chapter';

/**
 * Conflicts of interest and bids, in the edition's partition — every key, condition and transaction
 * item of them (docs/data-model.md, patterns 27–28).
 */

const conflictItem = (editionId: string, c: StoredConflict) => ({
  ...keys.conflict(editionId, c.userId, c.institutionId),
  entity: 'conflict',
  ...c,
});

const toConflict = (item: Record<string, unknown>) => parseItem(StoredConflict, item, 'conflict');

/** An expert's own declaration is theirs: the organizer neither overwrites nor lifts it. */
export const declaredAlready = () =>
  new AppError('INVALID_STATE', 'Declared already', {
    detail: { pl: 'Ekspert sam zgłosił ten konflikt.', en: 'The expert declared this conflict already.' },
  });

export const declaredByExpert = () =>
  new AppError('INVALID_STATE', 'Declared by the expert', {
    detail: {
      pl: 'Konflikt zgłoszony przez eksperta może wycofać tylko ekspert.',
      en: 'Only the expert can withdraw a conflict they declared.',
    },
  });

const setByOrganizer: Condition = {
  expression: '#s = :organizer',
  names: { '#s': 'source' },
  values: { ':organizer': 'organizer' },
};

/** The edition's stored conflicts, or one expert's (consistent: they decide writes and commits). */
export async function listConflicts(store: Store, editionId: string, userId?: string): Promise<StoredConflict[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: userId ? keys.conflictsOf(userId) : keys.conflictPrefix,
    consistent: true,
  });
  return items.map(toConflict);
}

export async function findConflict(
  store: Store,
  editionId: string,
  userId: string,
  institutionId: string,
): Promise<StoredConflict | null> {
  const item = await store.get(keys.conflict(editionId, userId, institutionId), { consistent: true });
  return item ? toConflict(item) : null;
}

/**
 * Records a conflict with what goes with it, in one transaction: the head's move (so a commit
 * computed before the conflict existed fails instead of committing the pair), the expert's item with
 * the pair flagged when one is assigned, and the audit entry. An organizer's conflict never
 * replaces the expert's own declaration (409 INVALID_STATE); a head moved meanwhile is 409
 * STALE_VERSION (read again and retry).
 */
export async function putConflict(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  write: {
    editionId: string;
    conflict: StoredConflict;
    head: AssignmentHead;
    /** The expert's item with the pair flagged, from the version it was read at. */
    flagged: { next: ExpertAssignment; previousVersion: number } | null;
    audit: NewAuditEntry;
    /** Other writes of the same decision (the recused expert's discarded sheets). */
    alongside?: TransactItem[];
  },
): Promise<void> {
  const { conflict } = write;
  const condition: Condition | undefined =
    conflict.source === 'organizer'
      ? { ...setByOrganizer, expression: `attribute_not_exists(pk) OR ${setByOrganizer.expression}` }
      : undefined;
  try {
    await deps.store.transact([
      tx.put(conflictItem(write.editionId, conflict), condition),
      headUpdate(write.head, {}),
      ...(write.flagged ? [expertAssignmentPut(write.flagged.next, write.flagged.previousVersion)] : []),
      auditPut(deps, write.audit),
      ...(write.alongside ?? []),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw declaredAlready();
    if (isAppError(error, 'CONFLICT')) throw assignmentChanged(error);
    throw error;
  }
}

/** Lifts a conflict the organizer set, with the audit entry; one the expert declared meanwhile stays (409). */
export async function deleteOrganizerConflict(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  write: { editionId: string; userId: string; institutionId: string; audit: NewAuditEntry },
): Promise<void> {
  try {
    await deps.store.transact([
      tx.delete(keys.conflict(write.editionId, write.userId, write.institutionId), setByOrganizer),
      auditPut(deps, write.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw declaredByExpert();
    throw error;
  }
}

const InstitutionName = z.object({ institutionId: z.string(), name: z.string() });

/** Institutions' names by id (those that exist): conflicts with institutions that have not applied. */
export async function listInstitutionNames(store: Store, institutionIds: string[]): Promise<Map<string, string>> {
  const found = await store.batchGet(institutionIds.map((id) => keys.institution(id)));
  return new Map(
    found.map((item) => {
      const i = parseItem(InstitutionName, item, 'institution');
      return [i.institutionId, i.name];
    }),
  );
}

/** The edition's bids, or one expert's. */
export async function listBids(store: Store, editionId: string, userId?: string): Promise<StoredBid[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: userId ? keys.bidsOf(userId) : keys.bidPrefix,
  });
  return items.map((item) => parseItem(StoredBid, item, 'bid'));
}

/** An expert's bid on an application (the last one counts). */
export async function putBid(store: Store, editionId: string, bid: StoredBid, at: string): Promise<void> {
  await store.put({ ...keys.bid(editionId, bid.userId, bid.applicationId), entity: 'bid', ...bid, updatedAt: at });
}

export async function deleteBid(store: Store, editionId: string, userId: string, applicationId: string): Promise<void> {
  await store.delete(keys.bid(editionId, userId, applicationId));
}
