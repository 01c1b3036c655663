import type { Deps } from '../deps';
import { AppError } from '../errors';
import { exportBlobKey, type ExportRecord } from './export-job';
import { findExportRecord } from './export-store';

export type GetExportFileDeps = Pick<Deps, 'store' | 'blobs'>;

export interface GetExportFileInput {
  editionId: string;
  exportId: string;
}

/** A ready export's file; anything else (queued, failed, gone) is 404. */
export async function getExportFile(
  deps: GetExportFileDeps,
  input: GetExportFileInput,
): Promise<{ record: ExportRecord; fileName: string; body: Uint8Array; contentType: string }> {
  const record = await findExportRecord(deps.store, input.editionId, input.exportId);
  if (!record) throw new AppError('NOT_FOUND', `No export ${input.exportId}`);
  const blob =
    record.status === 'ready' ? await deps.blobs.documents.get(exportBlobKey(input.editionId, input.exportId)) : null;
  if (!blob || !record.fileName) throw new AppError('NOT_FOUND', `Export ${input.exportId} is not ready`);
  return { record, fileName: record.fileName, body: blob.body, contentType: blob.contentType };
}
