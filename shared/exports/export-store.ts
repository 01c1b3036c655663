import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, tx } from '../store/store';
import { ExportRecord } from './export-job';

/**
 * Export records: one item per export in the edition's partition (`EXPORT#<id>`, ids time-ordered),
 * written queued by the request and finished (ready or failed) by the worker.
 */
const toExportRecord = (item: Record<string, unknown>): ExportRecord => parseItem(ExportRecord, item, 'export');

/** A queued export with its audit entry, in one transaction. */
export async function insertExportRecord(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  record: ExportRecord,
  audit: NewAuditEntry,
): Promise<void> {
  await deps.store.transact([
    tx.put({ ...keys.exportJob(record.editionId, record.exportId), entity: 'export', ...record }),
    auditPut(deps, audit),
  ]);
}

/** Strongly consistent: the organizer's page polls it right after the worker finished. */
export async function findExportRecord(
  store: Store,
  editionId: string,
  exportId: string,
): Promise<ExportRecord | null> {
  const item = await store.get(keys.exportJob(editionId, exportId), { consistent: true });
  return item ? toExportRecord(item) : null;
}

/** The edition's latest exports, newest first. */
export async function listExportRecords(store: Store, editionId: string, limit: number): Promise<ExportRecord[]> {
  const page = await store.query({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.exportPrefix,
    limit,
    descending: true,
  });
  return page.items.map(toExportRecord);
}

/** The worker built the file: the record says where and how big. */
export async function markExportReady(
  store: Store,
  job: { editionId: string; exportId: string },
  done: { finishedAt: string; fileName: string; size: number; rows: number },
): Promise<void> {
  await store.update(keys.exportJob(job.editionId, job.exportId), {
    expression: 'SET #status = :ready, finishedAt = :now, fileName = :name, #size = :size, #rows = :rows',
    names: { '#status': 'status', '#size': 'size', '#rows': 'rows' },
    values: {
      ':ready': 'ready',
      ':now': done.finishedAt,
      ':name': done.fileName,
      ':size': done.size,
      ':rows': done.rows,
    },
  });
}

/** The worker could not build the file: the record says so, so the organizer's page never spins forever. */
export async function markExportFailed(
  store: Store,
  job: { editionId: string; exportId: string },
  failed: { finishedAt: string; error: string },
): Promise<void> {
  await store.update(keys.exportJob(job.editionId, job.exportId), {
    expression: 'SET #status = :failed, finishedAt = :now, #error = :error',
    names: { '#status': 'status', '#error': 'error' },
    values: { ':failed': 'failed', ':now': failed.finishedAt, ':error': failed.error },
  });
}
