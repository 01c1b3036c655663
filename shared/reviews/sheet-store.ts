import { AppError, isAppError } from '../errors';
import type { Message } from '../editions/localized';
import { parseItem } from '../store/parse';
import { type ItemKey, keys } from '../store/keys';
import { type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { EvidenceFile, ScoreSheet } from './sheet';

/**
 * Score sheets on the single table: one item per (application, expert) in the partition
 * `SHEETS#<applicationId>` (all sheets of an application in one Query), indexed by edition in gsi1
 * (the organizer's progress and disagreement views: one Query of the edition). Evidence files of
 * the mystery-shopper contacts are items beside them. Every write is conditional on the version and
 * on the status, so a stale tab or a submitted sheet is refused by the database.
 */
/** The stored item of a sheet (exported for the results benchmark's batch seeding). */
export const sheetItem = (sheet: ScoreSheet) => ({
  ...keys.sheet(sheet.applicationId, sheet.expertId),
  entity: 'sheet',
  ...sheet,
  gsi1pk: keys.editionSheets(sheet.editionId),
  gsi1sk: keys.editionSheetSort(sheet.applicationId, sheet.expertId),
});

const toSheet = (item: Record<string, unknown>) => parseItem(ScoreSheet, item, 'score sheet');

export async function findSheet(
  store: Store,
  applicationId: string,
  expertId: string,
  consistent = false,
): Promise<ScoreSheet | null> {
  const item = await store.get(keys.sheet(applicationId, expertId), { consistent });
  return item ? toSheet(item) : null;
}

/** The sheets at these keys (missing ones are left out): one BatchGet per hundred. */
export async function findSheetsByKeys(store: Store, sheetKeys: ItemKey[]): Promise<ScoreSheet[]> {
  if (sheetKeys.length === 0) return [];
  return (await store.batchGet(sheetKeys)).map(toSheet);
}

/** Every sheet of one application (at most a handful: k experts and those they replaced). */
export async function sheetsOfApplication(store: Store, applicationId: string): Promise<ScoreSheet[]> {
  const items = await store.queryAll({
    partitionKey: keys.applicationSheets(applicationId),
    sortKeyPrefix: keys.sheetPrefix,
  });
  return items.map(toSheet);
}

/** Every sheet of an edition, by Query of gsi1 (paged internally). */
export async function sheetsOfEdition(store: Store, editionId: string): Promise<ScoreSheet[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.editionSheets(editionId) });
  return items.map(toSheet);
}

const readOnly: Message = {
  pl: 'Ta karta ocen została już złożona i jest tylko do odczytu. Organizator może ją ponownie otworzyć.',
  en: 'This score sheet has been submitted and is read-only. The organizer can reopen it.',
};
const staleSheet: Message = {
  pl: 'Tę kartę zapisano w międzyczasie (np. w innej karcie przeglądarki). Twoje zmiany są zachowane na ekranie — wczytaj zapisaną wersję, porównaj i zapisz ponownie.',
  en: 'This sheet was saved meanwhile (e.g. in another browser tab). Your changes are kept on screen — load the saved version, compare and save again.',
};

export const sheetReadOnly = (cause?: unknown) =>
  new AppError('INVALID_STATE', 'Sheet submitted', { detail: readOnly, cause });
export const sheetStale = (cause?: unknown) =>
  new AppError('STALE_VERSION', 'Sheet saved meanwhile', {
    fields: { version: staleSheet },
    detail: staleSheet,
    cause,
  });

/**
 * Writes a draft from the version it was read at (0: a new sheet), with the audit entries of the
 * change in the same transaction. A submitted sheet is 409 INVALID_STATE; a newer save 409 STALE_VERSION.
 */
export async function putDraft(
  store: Store,
  sheet: ScoreSheet,
  readVersion: number,
  alongside: TransactItem[] = [],
): Promise<void> {
  const condition =
    readVersion === 0
      ? { expression: 'attribute_not_exists(pk)' }
      : {
          expression: '#version = :read AND #status = :draft',
          names: { '#version': 'version', '#status': 'status' },
          values: { ':read': readVersion, ':draft': 'draft' },
        };
  try {
    await store.transact([tx.put(sheetItem(sheet), condition), ...alongside]);
  } catch (error) {
    if (!failedConditions(error).includes(0)) throw error;
    const current = await findSheet(store, sheet.applicationId, sheet.expertId, true);
    throw current?.status === 'submitted' ? sheetReadOnly(error) : sheetStale(error);
  }
}

/** draft → submitted, only from the version the completeness check saw. */
export async function markSubmitted(
  store: Store,
  sheet: ScoreSheet,
  submittedAt: string,
  alongside: TransactItem[] = [],
): Promise<ScoreSheet> {
  const next: ScoreSheet = {
    ...sheet,
    status: 'submitted',
    submittedAt,
    updatedAt: submittedAt,
    version: sheet.version + 1,
  };
  try {
    await store.transact([
      tx.put(sheetItem(next), {
        expression: '#version = :read AND #status = :draft',
        names: { '#version': 'version', '#status': 'status' },
        values: { ':read': sheet.version, ':draft': 'draft' },
      }),
      ...alongside,
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw sheetStale(error);
    throw error;
  }
  return next;
}

/** submitted → draft by the organizer, with the reason kept on the sheet. */
export async function markReopened(
  store: Store,
  sheet: ScoreSheet,
  reopened: NonNullable<ScoreSheet['reopened']>,
  alongside: TransactItem[] = [],
): Promise<ScoreSheet> {
  const next: ScoreSheet = { ...sheet, status: 'draft', reopened, updatedAt: reopened.at, version: sheet.version + 1 };
  try {
    await store.transact([
      tx.put(sheetItem(next), {
        expression: '#version = :read AND #status = :submitted',
        names: { '#version': 'version', '#status': 'status' },
        values: { ':read': sheet.version, ':submitted': 'submitted' },
      }),
      ...alongside,
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw sheetStale(error);
    throw error;
  }
  return next;
}

/** The delete of a recused expert's sheet, for the conflict's transaction (its content goes to the audit). */
export const sheetDelete = (sheet: Pick<ScoreSheet, 'applicationId' | 'expertId' | 'version'>): TransactItem =>
  tx.delete(keys.sheet(sheet.applicationId, sheet.expertId), {
    expression: '#version = :read',
    names: { '#version': 'version' },
    values: { ':read': sheet.version },
  });

/** A ConditionCheck that the expert's sheet is still a draft (evidence may be added only then). */
export const draftCheck = (applicationId: string, expertId: string): TransactItem =>
  tx.check(keys.sheet(applicationId, expertId), {
    expression: '#status = :draft',
    names: { '#status': 'status' },
    values: { ':draft': 'draft' },
  });

// ---- evidence files of mystery-shopper contacts ----

export interface StoredEvidence extends EvidenceFile {
  applicationId: string;
  expertId: string;
  channel: string;
  createdAt: string;
}

const evidenceItem = (e: StoredEvidence) => ({
  ...keys.evidence(e.applicationId, e.expertId, e.fileId),
  entity: 'evidence',
  ...e,
});

export async function listEvidence(store: Store, applicationId: string, expertId: string): Promise<StoredEvidence[]> {
  const items = await store.queryAll({
    partitionKey: keys.applicationSheets(applicationId),
    sortKeyPrefix: keys.evidencePrefix(expertId),
    consistent: true,
  });
  return items.map((item) => {
    const file = parseItem(EvidenceFile, item, 'evidence file');
    return {
      ...file,
      applicationId,
      expertId,
      channel: String(item.channel),
      createdAt: String(item.createdAt),
    };
  });
}

/** A pending evidence file, only while the sheet is a draft. */
export async function putPendingEvidence(store: Store, evidence: StoredEvidence): Promise<void> {
  try {
    await store.transact([draftCheck(evidence.applicationId, evidence.expertId), tx.put(evidenceItem(evidence))]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw sheetReadOnly(error);
    throw error;
  }
}

const linkUsed = (cause: unknown) =>
  new AppError('INVALID_STATE', 'Upload link used or sheet not editable', {
    cause,
    detail: {
      pl: 'Ten link do wysłania pliku został już użyty albo karty ocen nie można już zmieniać. Dodaj plik ponownie.',
      en: 'This upload link has been used already, or the score sheet can no longer be changed. Add the file again.',
    },
  });

/** Claims an evidence upload link once (like an application attachment's, shared/applications). */
export async function claimEvidenceUpload(
  store: Store,
  applicationId: string,
  expertId: string,
  fileId: string,
  now: string,
): Promise<void> {
  try {
    await store.transact([
      draftCheck(applicationId, expertId),
      tx.update(
        keys.evidence(applicationId, expertId, fileId),
        { expression: 'SET uploadedAt = :now', values: { ':now': now } },
        {
          expression: '#status = :pending AND attribute_not_exists(uploadedAt)',
          names: { '#status': 'status' },
          values: { ':pending': 'pending' },
        },
      ),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw linkUsed(error);
    throw error;
  }
}

export async function markEvidenceReady(store: Store, evidence: StoredEvidence): Promise<void> {
  try {
    await store.transact([
      draftCheck(evidence.applicationId, evidence.expertId),
      tx.put(evidenceItem(evidence), {
        expression: '#status = :pending',
        names: { '#status': 'status' },
        values: { ':pending': 'pending' },
      }),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw sheetReadOnly(error);
    if (failedConditions(error).includes(1)) throw linkUsed(error);
    throw error;
  }
}

export async function deleteEvidenceRecord(
  store: Store,
  applicationId: string,
  expertId: string,
  fileId: string,
): Promise<void> {
  try {
    await store.transact([
      draftCheck(applicationId, expertId),
      tx.delete(keys.evidence(applicationId, expertId, fileId), { expression: 'attribute_exists(pk)' }),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) throw sheetReadOnly(error);
    if (failedConditions(error).includes(1)) throw new AppError('NOT_FOUND', `No evidence ${fileId}`, { cause: error });
    throw error;
  }
}

// ---- reminders ----

/** Records that a reminder point was mailed to an expert; false when it was already (another run). */
export async function claimReminder(store: Store, editionId: string, point: string, expertId: string, at: string) {
  try {
    await store.put(
      { ...keys.reminderSent(editionId, point, expertId), entity: 'reminderSent', editionId, point, expertId, at },
      { expression: 'attribute_not_exists(pk)' },
    );
    return true;
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) return false;
    throw error;
  }
}
