import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { ExportRecord } from './export-job';
import { findExportRecord } from './export-store';

export type GetExportDeps = Pick<Deps, 'store'>;

export interface GetExportInput {
  editionId: string;
  exportId: string;
}

/** An export's record (queued, ready or failed); 404 when the edition has no such export. */
export async function getExport(deps: GetExportDeps, input: GetExportInput): Promise<ExportRecord> {
  const record = await findExportRecord(deps.store, input.editionId, input.exportId);
  if (!record) throw new AppError('NOT_FOUND', `No export ${input.exportId}`);
  return record;
}
