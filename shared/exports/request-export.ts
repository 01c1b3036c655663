import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { editionSubject, getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { exportBlobKey, type ExportFormat, type ExportRecord } from './export-job';
import type { Deps } from '../deps';

const strip = ({ pk: _a, sk: _b, entity: _c, ...rest }: Record<string, unknown>) => rest as unknown as ExportRecord;

/** Queues an export; the worker builds it and marks it ready. Audited: exports carry institutions' data. */
export async function requestExport(
  deps: Deps,
  editionId: string,
  format: ExportFormat,
  caller: Caller,
): Promise<ExportRecord> {
  const [edition, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  const record: ExportRecord = {
    exportId: deps.ids.newId(),
    editionId,
    format,
    status: 'queued',
    requestedBy: actor.label,
    requestedAt: deps.clock.now().toISOString(),
  };
  await deps.store.transact([
    { Put: { TableName: '', Item: { ...keys.exportJob(editionId, record.exportId), entity: 'export', ...record } } },
    auditPut(deps, {
      action: 'export.requested',
      actor,
      subject: editionSubject(edition),
      ip: caller.ip,
      details: { format, exportId: record.exportId },
    }),
  ]);
  await deps.jobs.send({ type: 'export.applications', editionId, exportId: record.exportId, format });
  return record;
}

export async function getExport(deps: Pick<Deps, 'store'>, editionId: string, exportId: string): Promise<ExportRecord> {
  const item = await deps.store.get(keys.exportJob(editionId, exportId), { consistent: true });
  if (!item) throw new AppError('NOT_FOUND', `No export ${exportId}`);
  return strip(item);
}

/** A ready export's file; anything else (queued, failed, gone) is 404. */
export async function readExport(
  deps: Pick<Deps, 'store' | 'blobs'>,
  editionId: string,
  exportId: string,
): Promise<{ record: ExportRecord; fileName: string; body: Uint8Array; contentType: string }> {
  const record = await getExport(deps, editionId, exportId);
  const blob = record.status === 'ready' ? await deps.blobs.documents.get(exportBlobKey(editionId, exportId)) : null;
  if (!blob || !record.fileName) throw new AppError('NOT_FOUND', `Export ${exportId} is not ready`);
  return { record, fileName: record.fileName, body: blob.body, contentType: blob.contentType };
}

/** The edition's exports, newest first. */
export async function listExports(deps: Pick<Deps, 'store'>, editionId: string): Promise<ExportRecord[]> {
  const page = await deps.store.query({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.exportPrefix,
    limit: 20,
    descending: true,
  });
  return page.items.map(strip);
}
