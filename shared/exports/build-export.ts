import { zipSync } from 'fflate';
import type { LoadedApplication } from '../applications/application-store';
import { loadApplication, toHeader } from '../applications/application-store';
import { attachmentBlobKey } from '../applications/attachments';
import { safeFileName } from '../applications/file-type';
import { getEdition } from '../editions/edition-store';
import type { BlobStore } from '../platform/blob-store';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import { exportBlobKey, type ExportJob } from './export-job';
import { exportTable, toCsv, type ExportSource } from './export-table';

export interface ExportDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  documents: BlobStore;
}

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

/**
 * The worker's use case: reads every application of the edition (Query of gsi2, then each
 * application's partition), builds the file, stores it and marks the export ready — or failed
 * with the reason, so the organizer's page never spins forever.
 */
export async function buildExport(deps: ExportDeps, job: ExportJob): Promise<void> {
  const key = keys.exportJob(job.editionId, job.exportId);
  try {
    const edition = await getEdition(deps.store, job.editionId);
    const headers = await deps.store.queryAll({ index: 'gsi2', partitionKey: keys.editionApplications(job.editionId) });
    const loaded: LoadedApplication[] = [];
    for (const h of headers.map(toHeader).filter((x) => x.status !== 'draft'))
      loaded.push(await loadApplication(deps.store, h.applicationId));
    const sources: ExportSource[] = loaded.map((l) => ({
      header: l.header,
      answers: Object.fromEntries(l.sections.map((s) => [s.sectionId, s.answers])),
      attachments: l.attachments,
    }));
    const base = `zgloszenia-${edition.year}-${job.editionId.slice(-6).toLowerCase()}`;
    let body: Uint8Array;
    if (job.format === 'csv') body = new TextEncoder().encode(toCsv(exportTable(edition, sources)));
    else if (job.format === 'xlsx') body = await toXlsx(exportTable(edition, sources));
    else body = await attachmentsZip(deps.documents, loaded);
    await deps.documents.put(exportBlobKey(job.editionId, job.exportId), body, types[job.format]);
    await deps.store.update(key, {
      expression: 'SET #status = :ready, finishedAt = :now, fileName = :name, #size = :size, #rows = :rows',
      names: { '#status': 'status', '#size': 'size', '#rows': 'rows' },
      values: {
        ':ready': 'ready',
        ':now': deps.clock.now().toISOString(),
        ':name': `${base}.${job.format}`,
        ':size': body.length,
        ':rows': loaded.length,
      },
    });
  } catch (error) {
    deps.logger.error('export failed', {
      exportId: job.exportId,
      error: error instanceof Error ? error.message : String(error),
    });
    await deps.store.update(key, {
      expression: 'SET #status = :failed, finishedAt = :now, #error = :error',
      names: { '#status': 'status', '#error': 'error' },
      values: {
        ':failed': 'failed',
        ':now': deps.clock.now().toISOString(),
        ':error': 'The export could not be built; try again or see the worker log.',
      },
    });
  }
}

async function toXlsx(table: { header: string[]; rows: string[][] }): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Zgłoszenia', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => {
    c.width = 24;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function attachmentsZip(documents: BlobStore, applications: LoadedApplication[]): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const { header, attachments } of applications) {
    const folder = `${safeFileName(header.institution.name).replace(/[\\/:*?<>|]/g, '_')} (${header.institution.nip})`;
    for (const a of attachments.filter((x) => x.status === 'ready')) {
      const blob = await documents.get(attachmentBlobKey(header.applicationId, a.attachmentId));
      if (!blob) continue;
      let name = `${folder}/${a.questionId}/${a.fileName.replace(/[\\/:*?<>|]/g, '_')}`;
      for (let n = 2; files[name]; n++) name = `${folder}/${a.questionId}/${n}-${a.fileName}`;
      files[name] = blob.body;
    }
  }
  return zipSync(files, { level: 6 });
}
