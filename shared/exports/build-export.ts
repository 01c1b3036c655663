import { zipSync } from 'fflate';
import { listEditionHeaders } from '../applications/application-list-store';
import { type LoadedApplication, loadApplication } from '../applications/application-read-store';
import { attachmentBlobKey } from '../applications/attachments';
import { safeFileName } from '../applications/file-type';
import type { Edition } from '../editions/edition';
import { getEdition } from '../editions/edition-read-store';
import type { Language } from '../language';
import { scoresWorkbook } from '../reviews/scores-workbook';
import { feeList } from '../results/fee-list';
import type { Deps } from '../deps';
import type { BlobStore } from '../platform/blob-store';
import { exportBlobKey, type ExportJob } from './export-job';
import { markExportFailed, markExportReady } from './export-store';
import { exportLabels } from './export-labels';
import { exportTable, toCsv, type ExportSource } from './export-table';
import { xlsxWorkbook } from './xlsx';
import { folderName, questionFolders } from './zip-names';

/** What the worker's export needs: the table, the clock, the log and the documents bucket (attachments in, the file out). */
export type BuildExportDeps = Pick<Deps, 'store' | 'clock' | 'logger'> & { blobs: Pick<Deps['blobs'], 'documents'> };

/** The job: which edition, which export record, which format. */
export type BuildExportInput = Omit<ExportJob, 'type'>;

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  scores: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The worker's use case: reads every application of the edition (Query of gsi2, then each
 * application's partition), builds the file, stores it and marks the export ready — or failed
 * with the reason, so the organizer's page never spins forever.
 */
export async function buildExport(deps: BuildExportDeps, input: BuildExportInput): Promise<void> {
  const language = input.language ?? 'pl';
  try {
    if (input.format === 'scores' || input.format === 'fees' || input.format === 'fees-csv') {
      const { fileName, body, rows, contentType } =
        input.format === 'scores'
          ? { ...(await scoresWorkbook(deps, { editionId: input.editionId, language })), contentType: types.scores }
          : await feeList(deps, { editionId: input.editionId, format: input.format, language });
      await deps.blobs.documents.put(exportBlobKey(input.editionId, input.exportId), body, contentType);
      await markExportReady(deps.store, input, {
        finishedAt: deps.clock.now().toISOString(),
        fileName,
        size: body.length,
        rows,
      });
      return;
    }
    const edition = await getEdition(deps.store, input.editionId);
    const headers = await listEditionHeaders(deps.store, input.editionId);
    const loaded: LoadedApplication[] = [];
    for (const h of headers.filter((x) => x.status !== 'draft'))
      loaded.push(await loadApplication(deps.store, h.applicationId));
    const sources: ExportSource[] = loaded.map((l) => ({
      header: l.header,
      answers: Object.fromEntries(l.sections.map((s) => [s.sectionId, s.answers])),
      attachments: l.attachments,
    }));
    const base = `zgloszenia-${edition.year}-${input.editionId.slice(-6).toLowerCase()}`;
    let body: Uint8Array;
    if (input.format === 'csv')
      body = new TextEncoder().encode(toCsv(exportTable(edition, sources, language), language));
    else if (input.format === 'xlsx') {
      const table = exportTable(edition, sources, language);
      body = await xlsxWorkbook({ name: exportLabels[language].applications.sheet, ...table });
    } else body = await attachmentsZip(deps.blobs.documents, edition, loaded, language);
    await deps.blobs.documents.put(exportBlobKey(input.editionId, input.exportId), body, types[input.format]);
    await markExportReady(deps.store, input, {
      finishedAt: deps.clock.now().toISOString(),
      fileName: `${base}.${input.format}`,
      size: body.length,
      rows: loaded.length,
    });
  } catch (error) {
    deps.logger.error('export failed', {
      exportId: input.exportId,
      error: error instanceof Error ? error.message : String(error),
    });
    await markExportFailed(deps.store, input, {
      finishedAt: deps.clock.now().toISOString(),
      error: exportLabels[language].failed,
    });
  }
}

async function attachmentsZip(
  documents: BlobStore,
  edition: Edition,
  applications: LoadedApplication[],
  language: Language,
): Promise<Uint8Array> {
  const folders = questionFolders(edition, language);
  const files: Record<string, Uint8Array> = {};
  for (const { header, attachments } of applications) {
    const institution = folderName(`${header.institution.name} (${header.institution.nip})`, 150);
    for (const a of attachments.filter((x) => x.status === 'ready')) {
      const blob = await documents.get(attachmentBlobKey(header.applicationId, a.attachmentId));
      if (!blob) continue;
      const folder = `${institution}/${folders.get(a.questionId) ?? exportLabels[language].otherFiles}`;
      const file = safeFileName(a.fileName).replace(/[\\/:*?<>|]/g, '_');
      let name = `${folder}/${file}`;
      for (let n = 2; files[name]; n++) name = `${folder}/${n}-${file}`;
      files[name] = blob.body;
    }
  }
  return zipSync(files, { level: 6 });
}
