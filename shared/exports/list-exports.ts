import type { Deps } from '../deps';
import type { ExportRecord } from './export-job';
import { listExportRecords } from './export-store';

export type ListExportsDeps = Pick<Deps, 'store'>;

export interface ListExportsInput {
  editionId: string;
}

/** The edition's recent exports (the last 20), newest first. */
export async function listExports(deps: ListExportsDeps, input: ListExportsInput): Promise<ExportRecord[]> {
  return listExportRecords(deps.store, input.editionId, 20);
}
